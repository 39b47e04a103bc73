package fundexchange.gateway.auth;

import fundexchange.engine.SipHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * SipHash-2-4 (Aumasson and Bernstein) under a secret drawn at start: a 64-bit hash nobody outside this process can
 * predict, so nobody can choose inputs that collide in a table indexed by it (hash flooding). The function itself is
 * the engine's {@link SipHash}.
 */
final class KeyedHash {
    private final long k0;
    private final long k1;

    KeyedHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** A hash under a fresh secret from {@link SecureRandom}. */
    static KeyedHash random() {
        SecureRandom random = new SecureRandom();
        return new KeyedHash(random.nextLong(), random.nextLong());
    }

    /** The hash of {@code a}, a 0 byte, then {@code b}, each as UTF-8. */
    long hash(String a, String b) {
        return hash((a + '\u0000' + b).getBytes(StandardCharsets.UTF_8));
    }

    long hash(byte[] in) {
        return SipHash.hash(k0, k1, in);
    }
}
