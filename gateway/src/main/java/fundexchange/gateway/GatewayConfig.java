package fundexchange.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Gateway settings (docs/operations.md lists them with their defaults).
 *
 * @param port              HTTP port, 0 for any free port
 * @param requestWindowMs   accepted distance between a request's signed timestamp and the exchange clock
 * @param responseTimeoutMs how long a write waits for its event document before answering 202
 * @param maxBodyBytes      larger bodies are refused with 413
 * @param bindAddress       the address the HTTP server binds to (default {@code 0.0.0.0}, every interface)
 * @param unsignedBench     BENCHMARK ONLY ({@code exchange bench gateway-load}): the gateway does not verify request
 *                          signatures (it still requires the headers, a known key and the timestamp window, and
 *                          journals the signature field as sent). Refused unless {@code bindAddress} is a loopback
 *                          address; no option of {@code serve} or {@code demo} sets it.
 * @param minIndexWaitMs    how long a read with {@code minIndex} waits for its source to reach that index before it
 *                          answers 503 with code 114 (default {@value #DEFAULT_MIN_INDEX_WAIT_MS})
 */
public record GatewayConfig(int port, long requestWindowMs, long responseTimeoutMs, int maxBodyBytes,
                            String bindAddress, boolean unsignedBench, long minIndexWaitMs) {
    public static final String ALL_INTERFACES = "0.0.0.0";
    /** The default of {@link #minIndexWaitMs()}. */
    public static final long DEFAULT_MIN_INDEX_WAIT_MS = 5_000;
    public static final GatewayConfig DEFAULTS = new GatewayConfig(8080, 300_000, 5_000, 64 * 1024);

    public GatewayConfig {
        if (port < 0 || port > 65_535 || requestWindowMs <= 0 || responseTimeoutMs <= 0 || maxBodyBytes <= 0
                || bindAddress == null || bindAddress.isBlank() || minIndexWaitMs <= 0) {
            throw new IllegalArgumentException("gateway: invalid configuration " + this);
        }
        if (unsignedBench && !isLoopback(bindAddress)) {
            throw new IllegalArgumentException("gateway: the unsigned benchmark mode refuses the non-loopback bind address "
                    + bindAddress + "; it may only bind to 127.0.0.1 or ::1");
        }
    }

    public GatewayConfig(int port, long requestWindowMs, long responseTimeoutMs, int maxBodyBytes) {
        this(port, requestWindowMs, responseTimeoutMs, maxBodyBytes, ALL_INTERFACES, false);
    }

    public GatewayConfig(int port, long requestWindowMs, long responseTimeoutMs, int maxBodyBytes, String bindAddress,
                         boolean unsignedBench) {
        this(port, requestWindowMs, responseTimeoutMs, maxBodyBytes, bindAddress, unsignedBench, DEFAULT_MIN_INDEX_WAIT_MS);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(newPort, requestWindowMs, responseTimeoutMs, maxBodyBytes, bindAddress, unsignedBench,
                minIndexWaitMs);
    }

    public GatewayConfig withResponseTimeoutMs(long timeout) {
        return new GatewayConfig(port, requestWindowMs, timeout, maxBodyBytes, bindAddress, unsignedBench, minIndexWaitMs);
    }

    public GatewayConfig withBindAddress(String address) {
        return new GatewayConfig(port, requestWindowMs, responseTimeoutMs, maxBodyBytes, address, unsignedBench,
                minIndexWaitMs);
    }

    /** This configuration with reads waiting at most {@code waitMs} for their {@code minIndex}. */
    public GatewayConfig withMinIndexWaitMs(long waitMs) {
        return new GatewayConfig(port, requestWindowMs, responseTimeoutMs, maxBodyBytes, bindAddress, unsignedBench, waitMs);
    }

    /** BENCHMARK ONLY: this configuration without signature verification; refused unless bound to loopback. */
    public GatewayConfig withUnsignedBench() {
        return new GatewayConfig(port, requestWindowMs, responseTimeoutMs, maxBodyBytes, bindAddress, true, minIndexWaitMs);
    }

    /** True only for a literal or resolvable loopback address (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String address) {
        try {
            for (InetAddress resolved : InetAddress.getAllByName(address)) {
                if (!resolved.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
