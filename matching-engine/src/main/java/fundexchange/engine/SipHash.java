package fundexchange.engine;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit pseudo-random function. The idempotency memory places
 * ids in its tables with it under a secret key, so nobody who lacks the key can choose ids that share a probe run.
 * Keys and messages are read little-endian, as the reference implementation reads them. The gateway's nonce memory
 * uses it too. One loop serves both forms and allocates nothing.
 */
public final class SipHash {
    private SipHash() {
    }

    /** The SipHash-2-4 of {@code message} under the key {@code (k0, k1)}. */
    public static long hash(long k0, long k1, byte[] message) {
        return sipHash(k0, k1, message, 0, 0);
    }

    /** The SipHash-2-4 of the 16 bytes {@code m0, m1} (each little-endian) under {@code (k0, k1)}. */
    public static long hash(long k0, long k1, long m0, long m1) {
        return sipHash(k0, k1, null, m0, m1);
    }

    /** The message is {@code message}, or the 16 bytes {@code m0, m1} when it is {@code null}. */
    private static long sipHash(long k0, long k1, byte[] message, long m0, long m1) {
        int length = message == null ? 16 : message.length;
        int blocks = length / 8 + 1;
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        // Two rounds per message word (the last carries the length in its top byte), then four final rounds.
        for (int round = 0; round < 2 * blocks + 4; round++) {
            boolean compressing = round < 2 * blocks;
            long m = compressing ? word(message, m0, m1, round / 2, length) : 0;
            if (compressing && round % 2 == 0) {
                v3 ^= m;
            }
            if (round == 2 * blocks) {
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
            if (compressing && round % 2 == 1) {
                v0 ^= m;
            }
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** Message word {@code block}: eight bytes, or the last bytes with the length in the top byte. */
    private static long word(byte[] message, long m0, long m1, int block, int length) {
        boolean last = block == length / 8;
        if (message == null) {
            return last ? (long) length << 56 : block == 0 ? m0 : m1;
        }
        return last ? littleEndian(message, 8 * block, length % 8) | ((long) length << 56)
                : littleEndian(message, 8 * block, 8);
    }

    private static long littleEndian(byte[] bytes, int from, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[from + i] & 0xffL);
        }
        return value;
    }
}
