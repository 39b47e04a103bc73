package fundexchange.protocol.wire;

/**
 * The rules of a struct's frame and fixed fields (docs/design/binary-journal.md section 2), shared by
 * {@link RecordDecoder} and {@link HexWalker} so the hex dump refuses exactly what the decoder refuses, with the same
 * words. Static and allocation-free: they sit on the engine's replay path, where the decoder calls them per struct and
 * field; each answers a value or throws {@link WireFormatException}, and the callers keep their own walk (the decoder
 * builds records, the walker collects spans).
 */
final class StructFrame {
    private StructFrame() {
    }

    /**
     * Checks the header of the struct of {@code type} at {@code start}, which must end by {@code limit}: its length
     * fits, the reserved byte is zero, the presence bits fit and none is set beyond the field count, the fixed block has
     * the length the field count gives and fits, and the count is trimmed (its last field present). A strict reader
     * refuses a field count above what this build knows; a tolerant one accepts it with a fixed block at least as long
     * as the known fields'. Returns the struct's end.
     */
    static int check(byte[] bytes, int start, int limit, WireType type, boolean strict) {
        if (8 > limit - start) {
            throw new WireFormatException("truncated: 8 bytes needed, " + Math.max(0, limit - start) + " left", start);
        }
        int length = WireBuffer.getInt(bytes, start);
        if (length < 8 || length > limit - start) {
            throw new WireFormatException("struct length " + length + " does not fit in " + (limit - start) + " bytes", start);
        }
        int end = start + length;
        int count = count(bytes, start);
        if (bytes[start + 5] != 0) {
            throw new WireFormatException("reserved struct byte is not zero", start + 5);
        }
        int fixedLength = fixedLength(bytes, start);
        int presenceAt = start + 8;
        int fixedAt = fixedAt(bytes, start);
        if (fixedAt > end) {
            throw new WireFormatException("presence bits overrun the struct", presenceAt);
        }
        if ((count & 7) != 0 && ((bytes[fixedAt - 1] & 0xFF) >>> (count & 7)) != 0) {
            throw new WireFormatException("a presence bit beyond the field count", fixedAt - 1);
        }
        int known = type.fieldArray().length;
        if (count > known && strict) {
            throw new WireFormatException(type.type().getSimpleName() + " has " + count + " fields here, this build knows "
                    + known + ": written by a newer build", start + 4);
        }
        int expectedFixed = type.fixedPrefix[Math.min(count, known)];
        if (count <= known ? fixedLength != expectedFixed : fixedLength < expectedFixed) {
            throw new WireFormatException("fixed block of " + fixedLength + " bytes where " + type.type().getSimpleName()
                    + " has " + expectedFixed, start + 6);
        }
        if (fixedLength > end - fixedAt) {
            throw new WireFormatException("fixed block overruns the struct", fixedAt);
        }
        if (count > 0 && !present(bytes, presenceAt, count - 1)) {
            throw new WireFormatException("field count " + count + " not trimmed: its last field is absent", start + 4);
        }
        return end;
    }

    /** The field count of the struct at {@code start}. */
    static int count(byte[] bytes, int start) {
        return bytes[start + 4] & 0xFF;
    }

    /** The length of the fixed block of the struct at {@code start}. */
    static int fixedLength(byte[] bytes, int start) {
        return WireBuffer.getUnsignedShort(bytes, start + 6);
    }

    /** Where the fixed block of the struct at {@code start} begins: after its header and presence bits. */
    static int fixedAt(byte[] bytes, int start) {
        return start + 8 + ((count(bytes, start) + 7) >>> 3);
    }

    /** Whether field {@code number}'s presence bit is set. */
    static boolean present(byte[] bytes, int presenceAt, int number) {
        return (bytes[presenceAt + (number >>> 3)] & (1 << (number & 7))) != 0;
    }

    /**
     * Checks fixed field {@code number} (its bytes at {@code at}) of the struct at {@code start} against its presence
     * bit: an absent field is not primitive and is all zeros, and a present last field is not a zero primitive (the
     * count would not be trimmed). Answers whether it is present.
     */
    static boolean fixedPresent(byte[] bytes, int start, int number, WireField field, int at) {
        int presenceAt = start + 8;
        int width = field.kind().width();
        if (!present(bytes, presenceAt, number)) {
            if (field.primitive) {
                throw new WireFormatException("primitive field " + field.name() + " is marked absent", presenceAt + (number >>> 3));
            }
            if (!zeros(bytes, at, width)) {
                throw new WireFormatException("absent field " + field.name() + " has non-zero bytes", at);
            }
            return false;
        }
        int count = count(bytes, start);
        if (field.primitive && number == count - 1 && zeros(bytes, at, width)) {
            throw new WireFormatException("field count " + count + " not trimmed: its last field " + field.name()
                    + " is a zero primitive", start + 4);
        }
        return true;
    }

    /** The bool at {@code at}: a byte 0 or 1. */
    static boolean bool(byte[] bytes, WireField field, int at) {
        int b = bytes[at];
        if (b != 0 && b != 1) {
            throw new WireFormatException("bool " + field.name() + " is " + b + ", not 0 or 1", at);
        }
        return b == 1;
    }

    /** The enum constant whose code is the byte at {@code at}. */
    static Enum<?> enumConstant(byte[] bytes, WireField field, int at) {
        int code = bytes[at] & 0xFF;
        Enum<?> constant = field.codes.constant(code);
        if (constant == null) {
            throw new WireFormatException("enum code " + code + " is unknown for " + field.target().getSimpleName(), at);
        }
        return constant;
    }

    /**
     * Reads the length prefix of variable field {@code field} at {@code at} (a {@link VarUInt#read} result), refusing
     * a length that overruns {@code limit}.
     */
    static long fieldLength(byte[] bytes, int at, int limit, WireField field) {
        long read = VarUInt.read(bytes, at, limit);
        int length = VarUInt.value(read);
        if (length > limit - at - VarUInt.sizeOf(read)) {
            throw new WireFormatException("field " + field.name() + " of " + length + " bytes overruns its struct",
                    at + VarUInt.sizeOf(read));
        }
        return read;
    }

    /** Reads the length prefix of a string (a list element) at {@code at}, refusing a length that overruns {@code limit}. */
    static long stringLength(byte[] bytes, int at, int limit) {
        long read = VarUInt.read(bytes, at, limit);
        int length = VarUInt.value(read);
        if (length > limit - at - VarUInt.sizeOf(read)) {
            throw new WireFormatException("a string of " + length + " bytes overruns its place", at + VarUInt.sizeOf(read));
        }
        return read;
    }

    /** Reads the element count of a list at {@code at}, refusing more elements than bytes left before {@code limit}. */
    static long listSize(byte[] bytes, int at, int limit) {
        long read = VarUInt.read(bytes, at, limit);
        int size = VarUInt.value(read);
        int after = at + VarUInt.sizeOf(read);
        if (size > limit - after) {
            throw new WireFormatException("a list of " + size + " elements in " + (limit - after) + " bytes", after);
        }
        return read;
    }

    /** Refuses a variable field of {@code length} bytes whose value did not end exactly at {@code end}. */
    static void requireFilled(int position, int end, WireField field, int length) {
        if (position != end) {
            throw new WireFormatException("field " + field.name() + " is " + length + " bytes long but its value "
                    + (position < end ? "ends before" : "runs past"), position);
        }
    }

    /** Refuses a struct of {@code type} whose fields did not end exactly at {@code end}. */
    static void requireEnd(int position, int end, WireType type) {
        if (position != end) {
            throw new WireFormatException((end - position) + " bytes left in a struct of " + type.type().getSimpleName(), position);
        }
    }

    /** Checks the type id at {@code at}: known to this build and a {@code expected}. Returns its type. */
    static WireType typeId(byte[] bytes, int at, WireSchema schema, Class<?> expected) {
        int id = WireBuffer.getUnsignedShort(bytes, at);
        WireType type = schema.type(id);
        if (type == null) {
            throw new WireFormatException("type id " + id + " is unknown to this build: written by a newer build", at);
        }
        if (!expected.isAssignableFrom(type.type())) {
            throw new WireFormatException("type id " + id + " (" + type.type().getSimpleName() + ") is not a "
                    + expected.getSimpleName(), at);
        }
        return type;
    }

    private static boolean zeros(byte[] bytes, int at, int width) {
        for (int i = at; i < at + width; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
