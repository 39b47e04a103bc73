package fundexchange.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * SipHash-2-4 (Aumasson and Bernstein) under a secret drawn at start: a 64-bit hash nobody outside this process can
 * predict, so nobody can choose inputs that collide in a table indexed by it (hash flooding).
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
        State s = new State(k0, k1);
        int whole = in.length & ~7;
        for (int i = 0; i < whole; i += 8) {
            s.compress(word(in, i, 8));
        }
        s.compress(word(in, whole, in.length - whole) | (long) (in.length & 0xFF) << 56);
        s.v2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            s.round();
        }
        return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
    }

    /** The four words of SipHash's state (one per call; escape analysis keeps it off the heap). */
    private static final class State {
        long v0;
        long v1;
        long v2;
        long v3;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        /** Two rounds over one message word. */
        void compress(long m) {
            v3 ^= m;
            round();
            round();
            v0 ^= m;
        }

        void round() {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13) ^ v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16) ^ v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21) ^ v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17) ^ v2;
            v2 = Long.rotateLeft(v2, 32);
        }
    }

    /** {@code length} (0-8) bytes from {@code offset}, little-endian. */
    private static long word(byte[] in, int offset, int length) {
        long m = 0;
        for (int i = 0; i < length; i++) {
            m |= (in[offset + i] & 0xFFL) << (8 * i);
        }
        return m;
    }
}
