package fundexchange.protocol.wire;

/**
 * Unsigned LEB128 for lengths and counts only (values are fixed width): 7 bits a byte, least significant first, the
 * high bit set on every byte but the last, always in the minimal form; values 0 to {@link Integer#MAX_VALUE}, so at most
 * {@value #MAX_SIZE} bytes. A decoder refuses an overlong form, so every value has exactly one encoding.
 */
public final class VarUInt {
    public static final int MAX_SIZE = 5;

    private VarUInt() {
    }

    /** The number of bytes {@code value} takes. */
    public static int size(int value) {
        requireValue(value);
        int size = 1;
        while ((value >>>= 7) != 0) {
            size++;
        }
        return size;
    }

    /** Writes {@code value} at {@code offset}; returns the offset after it. */
    public static int write(byte[] bytes, int offset, int value) {
        requireValue(value);
        int at = offset;
        while ((value & ~0x7F) != 0) {
            bytes[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[at++] = (byte) value;
        return at;
    }

    /**
     * Reads the value at {@code offset}, which must end before {@code limit}: the value in the high 32 bits of the
     * result and its size in bytes in the low 32 ({@link #value}, {@link #sizeOf}), so reading allocates nothing.
     */
    public static long read(byte[] bytes, int offset, int limit) {
        long value = 0;
        for (int i = 0; i < MAX_SIZE; i++) {
            int at = offset + i;
            if (at >= limit) {
                throw new WireFormatException("varuint truncated", offset);
            }
            int b = bytes[at] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new WireFormatException("varuint not in minimal form", offset);
                }
                if (value > Integer.MAX_VALUE) {
                    throw new WireFormatException("varuint " + value + " exceeds " + Integer.MAX_VALUE, offset);
                }
                return (value << 32) | (i + 1);
            }
        }
        throw new WireFormatException("varuint longer than " + MAX_SIZE + " bytes", offset);
    }

    /** The value of a {@link #read} result. */
    public static int value(long read) {
        return (int) (read >>> 32);
    }

    /** The size in bytes of a {@link #read} result. */
    public static int sizeOf(long read) {
        return (int) read;
    }

    private static void requireValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a varuint is 0 to " + Integer.MAX_VALUE + ": " + value);
        }
    }
}
