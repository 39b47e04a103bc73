package fundexchange.protocol.wire;

import fundexchange.protocol.book.Side;

/**
 * Writes one struct (docs/design/binary-journal.md section 2.4) into a {@link WireBuffer} from values the caller
 * gives field by field, the counterpart of {@link StructView}, for {@link EventDocumentWriter}'s typed methods: open
 * it, declare each field's presence, write the fixed block, set its fixed fields, write the variable fields in
 * field-number order, close it. The trimmed field count is known up front from a presence mask and a "written" mask,
 * so a struct has at most 64 fields ({@link #field} checks it). One writer serves one thread and allocates nothing.
 */
final class StructWriter {
    private static final EnumCodes SIDES = WireSchema.journal().codes(Side.class);

    private WireBuffer out;
    private WireType type;
    private WireField[] fields;
    private long present;
    private long written;
    private int k;
    private int structAt;
    private int fixedAt;
    private int lastVar;

    /** Starts a struct of {@code struct} at {@code buffer}'s position, after its type id. */
    void open(WireBuffer buffer, WireType struct) {
        out = buffer;
        type = struct;
        fields = struct.fieldArray();
        present = 0;
        written = 0;
        out.putShort(struct.id());
        structAt = out.position();
    }

    /** Declares primitive field {@code n}: always present, written unless zero (trimmed when last). */
    void primitive(int n, boolean nonZero) {
        present |= 1L << n;
        if (nonZero) {
            written |= 1L << n;
        }
    }

    /** Declares object field {@code n}, present or absent. */
    void object(int n, boolean isPresent) {
        if (isPresent) {
            present |= 1L << n;
            written |= 1L << n;
        }
    }

    /** Writes the header, the presence bits and a zeroed fixed block, once every field is declared. */
    void fixedBlock() {
        k = 64 - Long.numberOfLeadingZeros(written);
        int fixedLength = type.fixedPrefix[k];
        out.putInt(0);
        out.putByte(k);
        out.putByte(0);
        out.putShort(fixedLength);
        long bits = k == 64 ? present : present & ((1L << k) - 1);
        for (int i = 0, bytes = (k + 7) >>> 3; i < bytes; i++) {
            out.putByte((int) (bits >>> (8 * i)));
        }
        fixedAt = out.position();
        out.putZeros(fixedLength);
        lastVar = -1;
    }

    private boolean writes(int n) {
        return n < k && (present & (1L << n)) != 0;
    }

    void i64(int n, long value) {
        if (writes(n)) {
            out.setLong(fixedAt + fields[n].fixedOffset, value);
        }
    }

    void i32(int n, int value) {
        if (writes(n)) {
            out.setInt(fixedAt + fields[n].fixedOffset, value);
        }
    }

    void bool(int n, boolean value) {
        if (writes(n)) {
            out.setByte(fixedAt + fields[n].fixedOffset, value ? 1 : 0);
        }
    }

    void side(int n, Side side) {
        if (writes(n)) {
            out.setByte(fixedAt + fields[n].fixedOffset, SIDES.code(side));
        }
    }

    /**
     * Writes variable field {@code n} after the fixed block.
     *
     * @throws IllegalStateException when it comes after a variable field of a higher number
     */
    void string(int n, String text) {
        if (writes(n)) {
            if (n <= lastVar) {
                throw new IllegalStateException("variable field " + n + " written after " + lastVar);
            }
            lastVar = n;
            string(out, text);
        }
    }

    /** Patches the struct's length; the struct is done. */
    void close() {
        out.setInt(structAt, out.position() - structAt);
        reset();
    }

    /** Forgets the struct being written. */
    void reset() {
        out = null;
        type = null;
        fields = null;
    }

    /** A string with its length prefix, when not null. */
    static void string(WireBuffer out, String text) {
        if (text != null) {
            int length = Wtf8.length(text);
            out.putVarUInt(length);
            out.putWtf8(text, length);
        }
    }

    /**
     * The number of {@code type}'s field {@code name}, of schema kind {@code spec}, primitive or not, numbered below 64.
     *
     * @throws IllegalStateException when the schema says otherwise
     */
    static int field(WireType type, String name, String spec, boolean primitive) {
        int n = StructView.field(type, name, spec);
        if (type.fieldArray()[n].primitive() != primitive) {
            throw new IllegalStateException(type + " field " + name + (primitive ? " is not" : " is") + " a primitive now");
        }
        if (n >= 64) {
            throw new IllegalStateException(type + " field " + name + " is numbered beyond 63");
        }
        return n;
    }
}
