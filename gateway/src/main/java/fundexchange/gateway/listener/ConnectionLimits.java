package fundexchange.gateway.listener;

import java.time.Duration;

/**
 * What one HTTP listener holds at most, and for how long (docs/operations.md, "Connections").
 *
 * @param maxConnections      connections accepted at once (Helidon {@code maxTcpConnections}); further ones wait in
 *                            the kernel's accept backlog, so they take no file descriptor of the process
 * @param idleTimeout         a connection waiting for a request (its first, or the next one on keep-alive) that
 *                            receives no byte for this long is closed without an answer
 * @param idlePeriod          how often Helidon looks for idle connections (Helidon {@code idleConnectionPeriod}; its
 *                            own idle timeout is a backstop at {@code idleTimeout + requestReadTimeout})
 * @param readTimeout         any single read inside a request that receives nothing for this long fails (it only
 *                            matters when shorter than {@code requestReadTimeout})
 * @param maxPayloadBytes     the listener refuses a larger entity before any route sees it (Helidon
 *                            {@code maxPayloadSize}); the gateway's own {@code maxBodyBytes} is smaller
 * @param maxPrologueBytes    longest request line (HTTP/1 {@code maxPrologueLength})
 * @param maxHeaderBytes      largest header block (HTTP/1 {@code maxHeadersSize})
 * @param maxPerAddress       connections one remote address may hold at once; a further one is answered 429 (code
 *                            131) and closed. Loopback is not exempt
 * @param requestReadTimeout  a request's head and body must have arrived this long after its first byte; otherwise
 *                            the answer is 408 (code 130) and the connection closes
 * @param writeTimeout        a write to the client (at most 16 KiB) that has not completed after this long (the
 *                            client does not read its answers) closes the connection
 */
public record ConnectionLimits(int maxConnections, Duration idleTimeout, Duration idlePeriod, Duration readTimeout,
                               long maxPayloadBytes, int maxPrologueBytes, int maxHeaderBytes, int maxPerAddress,
                               Duration requestReadTimeout, Duration writeTimeout) {
    /** The default of {@link #maxPerAddress()}. */
    public static final int DEFAULT_MAX_PER_ADDRESS = 64;
    /** The default of {@link #requestReadTimeout()}. */
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(10);
    /** The default of {@link #writeTimeout()}. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** The public listener's defaults: payloads up to 21 MiB, a data-room PDF (20 MiB, PUT /documents) with room. */
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(1_000, Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(30), 21 << 20, 4_096, 16_384);
    /** The management listener: few connections (probes and scrapers), the public listener's timeouts. */
    public static final int MANAGEMENT_CONNECTIONS = 16;

    public ConnectionLimits {
        if (maxConnections < 1 || !positive(idleTimeout) || !positive(idlePeriod) || !millis(readTimeout)
                || maxPayloadBytes < 1 || maxPrologueBytes < 64 || maxHeaderBytes < 256 || maxPerAddress < 1
                || !millis(idleTimeout) || !millis(requestReadTimeout) || !millis(writeTimeout)) {
            throw new IllegalArgumentException("gateway: invalid connection limits " + this);
        }
    }

    /** These limits with the default per-address cap, request read timeout and write timeout. */
    public ConnectionLimits(int maxConnections, Duration idleTimeout, Duration idlePeriod, Duration readTimeout,
                            long maxPayloadBytes, int maxPrologueBytes, int maxHeaderBytes) {
        this(maxConnections, idleTimeout, idlePeriod, readTimeout, maxPayloadBytes, maxPrologueBytes, maxHeaderBytes,
                DEFAULT_MAX_PER_ADDRESS, DEFAULT_REQUEST_READ_TIMEOUT, DEFAULT_WRITE_TIMEOUT);
    }

    /** These limits with another connection cap. */
    public ConnectionLimits withMaxConnections(int max) {
        return new ConnectionLimits(max, idleTimeout, idlePeriod, readTimeout, maxPayloadBytes, maxPrologueBytes,
                maxHeaderBytes, maxPerAddress, requestReadTimeout, writeTimeout);
    }

    /** These limits with other bounds for slow or greedy clients. */
    public ConnectionLimits withSlowClientLimits(int perAddress, Duration requestRead, Duration write) {
        return new ConnectionLimits(maxConnections, idleTimeout, idlePeriod, readTimeout, maxPayloadBytes,
                maxPrologueBytes, maxHeaderBytes, perAddress, requestRead, write);
    }

    /**
     * These timeouts, for the management listener's few connections: its cap is the per-address cap too, since its
     * probes all come from the loopback.
     */
    public ConnectionLimits forManagement() {
        return withMaxConnections(MANAGEMENT_CONNECTIONS)
                .withSlowClientLimits(MANAGEMENT_CONNECTIONS, requestReadTimeout, writeTimeout);
    }

    /** Helidon's own idle check, a backstop that never closes a connection these limits still allow. */
    Duration helidonIdleTimeout() {
        return idleTimeout.plus(requestReadTimeout);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    /** Positive, and whole milliseconds in an {@code int} (a socket timeout). */
    private static boolean millis(Duration duration) {
        return positive(duration) && duration.toMillis() >= 1 && duration.toMillis() <= Integer.MAX_VALUE;
    }
}
