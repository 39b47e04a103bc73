package fundexchange.gateway.auth;

import java.util.concurrent.ConcurrentHashMap;

/** Read nonces seen within the timestamp window; older ones are forgotten because the window refuses them anyway. */
final class NonceMemory {
    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    private static final long SWEEP_EVERY_MS = 10_000;
    private volatile long lastSweep;

    /** Records a nonce until {@code keepUntil}; false if it was already seen. */
    boolean firstUse(String nonce, long keepUntil, long now) {
        if (now - lastSweep > SWEEP_EVERY_MS) {
            lastSweep = now;
            seen.values().removeIf(expiry -> expiry < now);
        }
        return seen.putIfAbsent(nonce, keepUntil) == null;
    }
}
