package fundexchange.protocol.wire;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte array with a write position, little-endian: what an encoder writes into and a writer thread reuses
 * (one per thread), so encoding allocates nothing once the array is large enough. The array never shrinks: one large
 * document keeps the buffer at its size for the buffer's life.
 */
public final class WireBuffer {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int position;
    private OutputStream output;

    public WireBuffer() {
        this(1024);
    }

    public WireBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The backing array; valid up to {@link #position()} until the next write that grows it. */
    public byte[] array() {
        return bytes;
    }

    public int position() {
        return position;
    }

    /** Forgets what was written (the bytes stay until overwritten). */
    public WireBuffer clear() {
        position = 0;
        return this;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, position);
    }

    /** Makes room for {@code more} bytes after the position. */
    public void ensure(int more) {
        int needed = position + more;
        if (needed < 0) {
            throw new IllegalStateException("a document beyond 2 GiB");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    /**
     * Makes room for {@code length} bytes at the position and moves the position past them, for the caller to fill
     * (a journal reader copies a document in); returns where they start. Their content is whatever the array held.
     */
    public int claim(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a negative length " + length);
        }
        ensure(length);
        int at = position;
        position += length;
        return at;
    }

    /**
     * This buffer as an {@code OutputStream} that appends at the position (a JSON writer writes into it); one per
     * buffer, made on first use. Flushing and closing it do nothing.
     */
    public OutputStream asOutputStream() {
        if (output == null) {
            output = new OutputStream() {
                @Override
                public void write(int b) {
                    putByte(b);
                }

                @Override
                public void write(byte[] source, int offset, int length) {
                    Objects.checkFromIndexSize(offset, length, source.length);
                    putBytes(source, offset, length);
                }
            };
        }
        return output;
    }

    public void putByte(int value) {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    public void putShort(int value) {
        ensure(2);
        SHORT.set(bytes, position, (short) value);
        position += 2;
    }

    public void putInt(int value) {
        ensure(4);
        INT.set(bytes, position, value);
        position += 4;
    }

    public void putLong(long value) {
        ensure(8);
        LONG.set(bytes, position, value);
        position += 8;
    }

    /** Writes {@code count} zero bytes. */
    public void putZeros(int count) {
        ensure(count);
        Arrays.fill(bytes, position, position + count, (byte) 0);
        position += count;
    }

    public void putVarUInt(int value) {
        ensure(VarUInt.MAX_SIZE);
        position = VarUInt.write(bytes, position, value);
    }

    /** Writes {@code text} in WTF-8, {@code length} bytes ({@link Wtf8#length}), without a length prefix. */
    public void putWtf8(CharSequence text, int length) {
        ensure(length);
        position = Wtf8.encode(text, bytes, position);
    }

    public void putBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
    }

    public void setByte(int at, int value) {
        bytes[at] = (byte) value;
    }

    public void setShort(int at, int value) {
        SHORT.set(bytes, at, (short) value);
    }

    public void setInt(int at, int value) {
        INT.set(bytes, at, value);
    }

    public void setLong(int at, long value) {
        LONG.set(bytes, at, value);
    }

    /**
     * Writes the length of the bytes from {@code at + 1} to the position as a varuint at {@code at}, where one byte was
     * reserved: a length of 128 or more moves those bytes up (no allocation once the array is large enough).
     */
    void closeLengthPrefix(int at) {
        int length = position - (at + 1);
        int size = VarUInt.size(length);
        if (size > 1) {
            ensure(size - 1);
            System.arraycopy(bytes, at + 1, bytes, at + size, length);
            position += size - 1;
        }
        VarUInt.write(bytes, at, length);
    }

    /** Moves the bytes from {@code at} to the position up by {@code size}, leaving a gap of {@code size} bytes at {@code at}. */
    void insertGap(int at, int size) {
        ensure(size);
        System.arraycopy(bytes, at, bytes, at + size, position - at);
        position += size;
    }

    /** Writes {@code text} as a varuint length and its WTF-8 at {@code at} (room is the caller's); returns the offset after it. */
    int setString(int at, String text, int length) {
        int after = VarUInt.write(bytes, at, length);
        return Wtf8.encode(text, bytes, after);
    }

    static long getLong(byte[] bytes, int at) {
        return (long) LONG.get(bytes, at);
    }

    static int getInt(byte[] bytes, int at) {
        return (int) INT.get(bytes, at);
    }

    static int getUnsignedShort(byte[] bytes, int at) {
        return Short.toUnsignedInt((short) SHORT.get(bytes, at));
    }
}
