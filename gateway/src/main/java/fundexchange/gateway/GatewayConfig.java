package fundexchange.gateway;

import fundexchange.gateway.listener.ConnectionLimits;
import fundexchange.gateway.stream.StreamLimits;
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
 * @param unsignedBench     BENCHMARK ONLY ({@code bench/run gateway-load}): the gateway does not verify request
 *                          signatures (it still requires the headers, a known key and the timestamp window, and
 *                          journals the signature field as sent). Refused unless {@code bindAddress} is a loopback
 *                          address; no option of {@code serve} or {@code demo} sets it.
 * @param connections       the public listener's connection cap and timeouts (the management listener takes its
 *                          timeouts and {@link ConnectionLimits#MANAGEMENT_CONNECTIONS} connections)
 * @param managementPort    port of the management listener ({@code /observe/health}, {@code /observe/metrics}); 0 for
 *                          any free port, as in {@link #DEFAULTS}; {@code serve} and {@code demo} use
 *                          {@link #MANAGEMENT_PORT}
 * @param managementAddress the address the management listener binds to (default {@code 127.0.0.1}, loopback only)
 * @param minIndexWaitMs    how long a read with {@code minIndex} waits for its source to reach that index before it
 *                          answers 503 with code 114 (default {@value #DEFAULT_MIN_INDEX_WAIT_MS})
 * @param reads             the cap on reads waiting for a {@code minIndex} and the read-nonce capacity
 * @param streams           the live event streams' caps and heartbeat ({@link StreamLimits}); the heartbeat actually
 *                          sent is {@link #streamHeartbeat()}
 * @param portalSignerOrigins the loopback origins of local signing agents ({@code exchange signer}) the portal's pages
 *                          may connect to, each {@code http://127.0.0.1:PORT} or {@code http://localhost:PORT} (default
 *                          none: the CSP's {@code connect-src} is {@code 'self'} only; docs/portal.md, "SM2 users")
 * @param uploadPace        the pace a data-room upload's body must keep while it holds its permit (default
 *                          {@link fundexchange.gateway.dataroom.UploadPace.Rate#DEFAULT}, 256 KiB a second after 5 s;
 *                          {@value #MIN_UPLOAD_RATE} bytes a second to 1 GiB, a grace of 1 to 60 s). The listener's
 *                          request read timeout still bounds the whole upload: the shorter of the two governs
 */
public record GatewayConfig(int port, long requestWindowMs, long responseTimeoutMs, int maxBodyBytes,
                            String bindAddress, boolean unsignedBench, ConnectionLimits connections,
                            int managementPort, String managementAddress, long minIndexWaitMs,
                            ReadLimits reads, StreamLimits streams, java.util.List<String> portalSignerOrigins,
                            fundexchange.gateway.dataroom.UploadPace.Rate uploadPace) {
    public static final String ALL_INTERFACES = "0.0.0.0";
    public static final String LOOPBACK = "127.0.0.1";
    /** The management port of {@code exchange serve} and {@code exchange demo}. */
    public static final int MANAGEMENT_PORT = 8081;
    /** The default of {@link #minIndexWaitMs()}. */
    public static final long DEFAULT_MIN_INDEX_WAIT_MS = 5_000;
    /** The lowest upload pace one may set (16 KiB a second): a 20 MiB PDF within about 21 minutes. */
    public static final long MIN_UPLOAD_RATE = 16 * 1024;
    /** The shortest upload grace one may set. */
    public static final java.time.Duration MIN_UPLOAD_GRACE = java.time.Duration.ofSeconds(1);
    /** The longest upload grace one may set. */
    public static final java.time.Duration MAX_UPLOAD_GRACE = java.time.Duration.ofSeconds(60);
    public static final GatewayConfig DEFAULTS = new GatewayConfig(8080, 300_000, 5_000, 64 * 1024);

    public GatewayConfig {
        if (port < 0 || port > 65_535 || requestWindowMs <= 0 || responseTimeoutMs <= 0 || maxBodyBytes <= 0
                || bindAddress == null || bindAddress.isBlank() || connections == null || managementPort < 0
                || managementPort > 65_535 || managementAddress == null || managementAddress.isBlank()
                || minIndexWaitMs <= 0 || reads == null || streams == null || portalSignerOrigins == null
                || uploadPace == null) {
            throw new IllegalArgumentException("gateway: invalid configuration " + this);
        }
        if (uploadPace.minBytesPerSecond() < MIN_UPLOAD_RATE || uploadPace.grace().compareTo(MIN_UPLOAD_GRACE) < 0
                || uploadPace.grace().compareTo(MAX_UPLOAD_GRACE) > 0) {
            throw new IllegalArgumentException("gateway: an upload pace needs a rate of " + MIN_UPLOAD_RATE + " to "
                    + fundexchange.gateway.dataroom.UploadPace.MAX_RATE + " bytes a second and a grace of "
                    + MIN_UPLOAD_GRACE + " to " + MAX_UPLOAD_GRACE + ", not " + uploadPace);
        }
        if (port != 0 && port == managementPort) {
            throw new IllegalArgumentException("gateway: the management listener needs a port of its own, not " + port);
        }
        portalSignerOrigins = java.util.List.copyOf(portalSignerOrigins);
        portalSignerOrigins.forEach(fundexchange.gateway.portal.PortalPolicy::requireSignerOrigin);
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
        this(port, requestWindowMs, responseTimeoutMs, maxBodyBytes, bindAddress, unsignedBench,
                ConnectionLimits.DEFAULTS, 0, LOOPBACK, DEFAULT_MIN_INDEX_WAIT_MS, ReadLimits.DEFAULTS,
                StreamLimits.DEFAULTS, java.util.List.of(), fundexchange.gateway.dataroom.UploadPace.Rate.DEFAULT);
    }

    /** A builder starting from this configuration; {@link Builder#build()} validates the result. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public GatewayConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public GatewayConfig withResponseTimeoutMs(long timeout) {
        return toBuilder().responseTimeoutMs(timeout).build();
    }

    public GatewayConfig withBindAddress(String address) {
        return toBuilder().bindAddress(address).build();
    }

    /** This configuration with reads waiting at most {@code waitMs} for their {@code minIndex}. */
    public GatewayConfig withMinIndexWaitMs(long waitMs) {
        return toBuilder().minIndexWaitMs(waitMs).build();
    }

    /** This configuration with other bounds of the read path. */
    public GatewayConfig withReads(ReadLimits limits) {
        return toBuilder().reads(limits).build();
    }

    /** This configuration with other limits for the live event streams. */
    public GatewayConfig withStreams(StreamLimits limits) {
        return toBuilder().streams(limits).build();
    }

    /** This configuration with the portal allowed to reach local signing agents at {@code origins} (loopback only). */
    public GatewayConfig withPortalSignerOrigins(java.util.List<String> origins) {
        return toBuilder().portalSignerOrigins(origins).build();
    }

    /** BENCHMARK ONLY: this configuration without signature verification; refused unless bound to loopback. */
    public GatewayConfig withUnsignedBench() {
        return toBuilder().unsignedBench(true).build();
    }

    /** This configuration with other connection limits for the public listener. */
    public GatewayConfig withConnections(ConnectionLimits limits) {
        return toBuilder().connections(limits).build();
    }

    /** This configuration with the management listener on {@code address:port}. */
    public GatewayConfig withManagement(String address, int port) {
        return toBuilder().managementAddress(address).managementPort(port).build();
    }

    /** The streams' heartbeat interval: the configured one, at most half the public listener's idle timeout. */
    public java.time.Duration streamHeartbeat() {
        java.time.Duration half = connections.idleTimeout().dividedBy(2);
        return streams.heartbeat().compareTo(half) <= 0 ? streams.heartbeat() : half;
    }

    /** The streams the gateway holds at once: the configured cap, at most half the public listener's connections. */
    public int streamCap() {
        return Math.max(1, Math.min(streams.total(), connections.maxConnections() / 2));
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

    /** Changes a copy of a configuration one component at a time; the record's constructor validates the result. */
    public static final class Builder {
        private int port;
        private long requestWindowMs;
        private long responseTimeoutMs;
        private int maxBodyBytes;
        private String bindAddress;
        private boolean unsignedBench;
        private ConnectionLimits connections;
        private int managementPort;
        private String managementAddress;
        private long minIndexWaitMs;
        private ReadLimits reads;
        private StreamLimits streams;
        private java.util.List<String> portalSignerOrigins;
        private fundexchange.gateway.dataroom.UploadPace.Rate uploadPace;

        private Builder(GatewayConfig from) {
            port = from.port;
            requestWindowMs = from.requestWindowMs;
            responseTimeoutMs = from.responseTimeoutMs;
            maxBodyBytes = from.maxBodyBytes;
            bindAddress = from.bindAddress;
            unsignedBench = from.unsignedBench;
            connections = from.connections;
            managementPort = from.managementPort;
            managementAddress = from.managementAddress;
            minIndexWaitMs = from.minIndexWaitMs;
            reads = from.reads;
            streams = from.streams;
            portalSignerOrigins = from.portalSignerOrigins;
            uploadPace = from.uploadPace;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder responseTimeoutMs(long value) {
            responseTimeoutMs = value;
            return this;
        }

        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder unsignedBench(boolean value) {
            unsignedBench = value;
            return this;
        }

        public Builder connections(ConnectionLimits value) {
            connections = value;
            return this;
        }

        public Builder managementPort(int value) {
            managementPort = value;
            return this;
        }

        public Builder managementAddress(String value) {
            managementAddress = value;
            return this;
        }

        public Builder minIndexWaitMs(long value) {
            minIndexWaitMs = value;
            return this;
        }

        public Builder reads(ReadLimits value) {
            reads = value;
            return this;
        }

        public Builder streams(StreamLimits value) {
            streams = value;
            return this;
        }

        public Builder uploadPace(fundexchange.gateway.dataroom.UploadPace.Rate value) {
            uploadPace = value;
            return this;
        }

        public Builder portalSignerOrigins(java.util.List<String> value) {
            portalSignerOrigins = value;
            return this;
        }

        public GatewayConfig build() {
            return new GatewayConfig(port, requestWindowMs, responseTimeoutMs, maxBodyBytes, bindAddress, unsignedBench,
                    connections, managementPort, managementAddress, minIndexWaitMs, reads, streams, portalSignerOrigins,
                    uploadPace);
        }
    }
}
