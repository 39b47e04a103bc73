package fundexchange.gateway.auth;

import java.util.concurrent.ConcurrentHashMap;

/** Read nonces seen within the timestamp window; older ones are forgotten because the window refuses them anyway. */
final class NonceMemory {
    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    private final long windowMs;
    private volatile long lastSweep;

    NonceMemory(long windowMs) {
        this.windowMs = windowMs;
    }

    boolean firstUse(String nonce, long timestamp, long now) {
        if (now - lastSweep > windowMs) {
            lastSweep = now;
            seen.values().removeIf(expiry -> expiry < now);
        }
        return seen.putIfAbsent(nonce, timestamp + windowMs) == null;
    }
}
