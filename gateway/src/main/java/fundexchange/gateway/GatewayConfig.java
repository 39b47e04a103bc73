package fundexchange.gateway;

/**
 * Gateway settings (docs/operations.md lists them with their defaults).
 *
 * @param port              HTTP port, 0 for any free port
 * @param requestWindowMs   accepted distance between a request's signed timestamp and the exchange clock
 * @param responseTimeoutMs how long a write waits for its event document before answering 202
 * @param maxBodyBytes      larger bodies are refused with 413
 */
public record GatewayConfig(int port, long requestWindowMs, long responseTimeoutMs, int maxBodyBytes) {
    public static final GatewayConfig DEFAULTS = new GatewayConfig(8080, 300_000, 5_000, 64 * 1024);

    public GatewayConfig {
        if (port < 0 || port > 65_535 || requestWindowMs <= 0 || responseTimeoutMs <= 0 || maxBodyBytes <= 0) {
            throw new IllegalArgumentException("gateway: invalid configuration " + this);
        }
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(newPort, requestWindowMs, responseTimeoutMs, maxBodyBytes);
    }

    public GatewayConfig withResponseTimeoutMs(long timeout) {
        return new GatewayConfig(port, requestWindowMs, timeout, maxBodyBytes);
    }
}
