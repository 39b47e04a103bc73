package fundexchange.gateway.listener;

import java.time.Duration;

/**
 * What one HTTP listener holds at most, and for how long (docs/operations.md, "Connections").
 *
 * @param maxConnections   connections accepted at once (Helidon {@code maxTcpConnections}); further ones wait in the
 *                         kernel's accept backlog, so they take no file descriptor of the process
 * @param idleTimeout      a connection waiting for a request (its first, or the next one on keep-alive) is closed
 *                         after this long (Helidon {@code idleConnectionTimeout}, whose clock ticks once a second)
 * @param idlePeriod       how often idle connections are looked for (Helidon {@code idleConnectionPeriod})
 * @param readTimeout      any single read inside a request (TLS handshake, header line, body bytes) that receives
 *                         nothing for this long fails and closes the connection
 * @param maxPayloadBytes  the listener refuses a larger entity before any route sees it (Helidon
 *                         {@code maxPayloadSize}); the gateway's own {@code maxBodyBytes} is smaller
 * @param maxPrologueBytes longest request line (HTTP/1 {@code maxPrologueLength})
 * @param maxHeaderBytes   largest header block (HTTP/1 {@code maxHeadersSize})
 */
public record ConnectionLimits(int maxConnections, Duration idleTimeout, Duration idlePeriod, Duration readTimeout,
                               long maxPayloadBytes, int maxPrologueBytes, int maxHeaderBytes) {
    /** The public listener's defaults. */
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(1_000, Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(30), 1 << 20, 4_096, 16_384);
    /** The management listener: few connections (probes and scrapers), the public listener's timeouts. */
    public static final int MANAGEMENT_CONNECTIONS = 16;

    public ConnectionLimits {
        if (maxConnections < 1 || !positive(idleTimeout) || !positive(idlePeriod) || !positive(readTimeout)
                || readTimeout.toMillis() > Integer.MAX_VALUE || readTimeout.toMillis() < 1
                || maxPayloadBytes < 1 || maxPrologueBytes < 64 || maxHeaderBytes < 256) {
            throw new IllegalArgumentException("gateway: invalid connection limits " + this);
        }
    }

    /** These limits with another connection cap. */
    public ConnectionLimits withMaxConnections(int max) {
        return new ConnectionLimits(max, idleTimeout, idlePeriod, readTimeout, maxPayloadBytes, maxPrologueBytes,
                maxHeaderBytes);
    }

    /** These timeouts, for the management listener's few connections. */
    public ConnectionLimits forManagement() {
        return withMaxConnections(MANAGEMENT_CONNECTIONS);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
