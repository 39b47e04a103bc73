package fundexchange.engine;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit pseudo-random function. The idempotency memory places
 * ids in its tables with it under a secret key, so nobody who lacks the key can choose ids that share a probe run.
 * Keys and messages are read little-endian, as the reference implementation reads them.
 */
final class SipHash {
    private SipHash() {
    }

    /** The SipHash-2-4 of {@code message} under the key {@code (k0, k1)}. */
    static long hash(long k0, long k1, byte[] message) {
        State s = new State(k0, k1);
        int whole = message.length & ~7;
        for (int i = 0; i < whole; i += 8) {
            s.absorb(littleEndian(message, i, 8));
        }
        long last = littleEndian(message, whole, message.length - whole) | ((long) message.length << 56);
        s.absorb(last);
        return s.finish();
    }

    /** The SipHash-2-4 of the 16 bytes {@code m0, m1} (each little-endian) under {@code (k0, k1)}; allocates nothing. */
    static long hash(long k0, long k1, long m0, long m1) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        // Three blocks (m0, m1, then the length 16 in the top byte) of two rounds each, then four final rounds.
        for (int round = 0; round < 10; round++) {
            int block = round / 2;
            long m = block == 0 ? m0 : block == 1 ? m1 : 16L << 56;
            if (round < 6 && round % 2 == 0) {
                v3 ^= m;
            }
            if (round == 6) {
                v2 ^= 0xff;
            }
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13);
            v1 ^= v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17);
            v1 ^= v2;
            v2 = Long.rotateLeft(v2, 32);
            if (round < 6 && round % 2 == 1) {
                v0 ^= m;
            }
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static long littleEndian(byte[] bytes, int from, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[from + i] & 0xffL);
        }
        return value;
    }

    private static final class State {
        private long v0;
        private long v1;
        private long v2;
        private long v3;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        void absorb(long m) {
            v3 ^= m;
            round();
            round();
            v0 ^= m;
        }

        long finish() {
            v2 ^= 0xff;
            round();
            round();
            round();
            round();
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void round() {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13);
            v1 ^= v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17);
            v1 ^= v2;
            v2 = Long.rotateLeft(v2, 32);
        }
    }
}
