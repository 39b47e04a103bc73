package fundexchange.protocol.wire;

/**
 * A flyweight over one struct in a byte array (docs/design/binary-journal.md sections 2.4 and 5.3): it reads fields by
 * number where they lie, allocating nothing. {@link #wrap} resolves the struct once (its field count, fixed block and
 * the offset and length of every present variable field); the reads then index into the bytes.
 *
 * <p>A view checks the struct's frame (its length fits, reserved byte zero, a field count this build knows, the fixed
 * block's length for that count, the variable fields filling the struct exactly) but not every rule of canonical
 * form: the generic {@link RecordDecoder} is the checker, and a view reads documents already accepted (the engine's
 * own journal). An absent field reads as 0, false, a null enum or an empty string; {@link #present} tells them apart.
 * One view serves one thread, and is valid until its bytes change or it is wrapped again. A reader of a fixed field
 * ({@link #i64}, {@link #enumConstant}, ...) must be given a field of that kind: the typed views check theirs when
 * their class is initialised ({@link #field}).
 */
public final class StructView {
    /** The field count after a failed wrap: above any field number, so every read reaches the null bytes and throws. */
    private static final int INVALID = 256;
    private final int[] varOffset = new int[256];
    private final int[] varLength = new int[256];
    private byte[] bytes;
    private WireType type;
    private WireField[] fields;
    private int start;
    private int end;
    private int count;
    private int presenceAt;
    private int fixedAt;
    private int generation;

    /**
     * Reads the struct of {@code structType} at {@code offset}, which must end by {@code limit}; returns the offset
     * after it. The view is updated only when every check passes; after a {@code wrap} that throws it reads nothing
     * (every read throws) until the next successful one. Each call, successful or not, ends the reads of the typed
     * views wrapped over this view before it ({@link CommandView}).
     *
     * @throws WireFormatException when its frame does not fit or it has fields this build does not know
     */
    public int wrap(byte[] source, int offset, int limit, WireType structType) {
        invalidate();
        WireField[] typeFields = structType.fieldArray();
        if (limit - offset < 8) {
            throw new WireFormatException("truncated before a " + name(structType) + " struct", offset);
        }
        int length = WireBuffer.getInt(source, offset);
        if (length < 8 || length > limit - offset) {
            throw new WireFormatException("struct length " + length + " does not fit in " + (limit - offset) + " bytes", offset);
        }
        int structEnd = offset + length;
        int fieldCount = source[offset + 4] & 0xFF;
        if (source[offset + 5] != 0) {
            throw new WireFormatException("reserved struct byte is not zero", offset + 5);
        }
        if (fieldCount > typeFields.length) {
            throw new WireFormatException(name(structType) + " has " + fieldCount + " fields here, this build knows "
                    + typeFields.length + ": written by a newer build", offset + 4);
        }
        int fixedLength = WireBuffer.getUnsignedShort(source, offset + 6);
        if (fixedLength != structType.fixedPrefix[fieldCount]) {
            throw new WireFormatException("fixed block of " + fixedLength + " bytes where " + name(structType) + " has "
                    + structType.fixedPrefix[fieldCount], offset + 6);
        }
        int presence = offset + 8;
        int fixed = presence + ((fieldCount + 7) >>> 3);
        int at = fixed + fixedLength;
        if (at > structEnd) {
            throw new WireFormatException("fixed block overruns the struct", fixed);
        }
        for (int i = 0; i < fieldCount; i++) {
            if (!typeFields[i].kind().fixed() && (source[presence + (i >>> 3)] & (1 << (i & 7))) != 0) {
                long read = VarUInt.read(source, at, structEnd);
                int size = VarUInt.value(read);
                at += VarUInt.sizeOf(read);
                if (size > structEnd - at) {
                    throw new WireFormatException(typeFields[i].name() + " overruns the struct", at);
                }
                varOffset[i] = at;
                varLength[i] = size;
                at += size;
            }
        }
        if (at != structEnd) {
            throw new WireFormatException((structEnd - at) + " bytes left in the " + name(structType) + " struct", at);
        }
        bytes = source;
        type = structType;
        fields = typeFields;
        start = offset;
        end = structEnd;
        count = fieldCount;
        presenceAt = presence;
        fixedAt = fixed;
        return structEnd;
    }

    /** Makes every read throw, and the typed views over this view stale, until the next successful {@link #wrap}. */
    void invalidate() {
        generation++;
        bytes = null;
        type = null;
        fields = null;
        count = INVALID;
    }

    /** How many times this view was wrapped or invalidated: a typed view reads only while it is the one it saw. */
    int generation() {
        return generation;
    }

    private static String name(WireType type) {
        return type.type().getSimpleName();
    }

    /** The type this view reads. */
    public WireType type() {
        return type;
    }

    /** The bytes this view reads. */
    public byte[] bytes() {
        return bytes;
    }

    /** Where the struct starts (its length field). */
    public int start() {
        return start;
    }

    /** Where the struct ends (the offset after its last byte). */
    public int end() {
        return end;
    }

    /** The struct's field count {@code k}: fields numbered from it on are absent. */
    public int fieldCount() {
        return count;
    }

    /** Whether field {@code n} is present. */
    public boolean present(int n) {
        return n < count && (bytes[presenceAt + (n >>> 3)] & (1 << (n & 7))) != 0;
    }

    /** An {@code i64} field, 0 when absent. */
    public long i64(int n) {
        return n < count ? WireBuffer.getLong(bytes, fixedAt + fields[n].fixedOffset) : 0;
    }

    /** An {@code i32} field, 0 when absent. */
    public int i32(int n) {
        return n < count ? WireBuffer.getInt(bytes, fixedAt + fields[n].fixedOffset) : 0;
    }

    /** A {@code bool} field, false when absent. */
    public boolean bool(int n) {
        return n < count && bytes[fixedAt + fields[n].fixedOffset] != 0;
    }

    /** A decimal's ({@code units}, {@code money}, {@code price}, {@code multiple}) raw value, 0 when absent. */
    public long raw(int n) {
        return i64(n);
    }

    /** An enum field's code in the schema, -1 when absent. */
    public int enumCode(int n) {
        return present(n) ? bytes[fixedAt + fields[n].fixedOffset] & 0xFF : -1;
    }

    /**
     * An enum field's constant, null when absent.
     *
     * @throws WireFormatException when its code is unknown
     */
    public Enum<?> enumConstant(int n) {
        int code = enumCode(n);
        if (code < 0) {
            return null;
        }
        Enum<?> constant = fields[n].codes.constant(code);
        if (constant == null) {
            throw new WireFormatException(fields[n].name() + " code " + code + " is unknown", fixedAt + fields[n].fixedOffset);
        }
        return constant;
    }

    /** Where a variable field's payload starts in {@link #bytes()} (after its length), 0 when absent. */
    public int offset(int n) {
        return present(n) ? varOffset[n] : 0;
    }

    /** A variable field's payload length in bytes, 0 when absent. */
    public int length(int n) {
        return present(n) ? varLength[n] : 0;
    }

    /** Whether string field {@code n} is present and equals {@code text}, compared without allocating. */
    public boolean stringEquals(int n, CharSequence text) {
        return present(n) && Wtf8.equals(text, bytes, varOffset[n], varLength[n]);
    }

    /** A hash of string field {@code n}'s bytes (31 times, as {@code Arrays.hashCode}), 0 when absent. */
    public int stringHash(int n) {
        if (!present(n)) {
            return 0;
        }
        int hash = 1;
        for (int i = varOffset[n], last = i + varLength[n]; i < last; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    /** String field {@code n} through {@code strings} (a hit allocates nothing), null when absent. */
    public String string(int n, WireStrings strings) {
        return present(n) ? strings.intern(bytes, varOffset[n], varLength[n]) : null;
    }

    /** String field {@code n} as a new {@code String}, null when absent. */
    public String string(int n) {
        return present(n) ? Wtf8.decode(bytes, varOffset[n], varLength[n]) : null;
    }

    /**
     * The number of the field named {@code name} of {@code type}, whose schema kind must be {@code spec} (for views
     * and writers, at class initialisation: docs/design/binary-journal.md R3).
     *
     * @throws IllegalStateException when the schema has no such field or its kind differs
     */
    public static int field(WireType type, String name, String spec) {
        for (WireField field : type.fieldArray()) {
            if (field.name().equals(name)) {
                if (!field.spec().equals(spec)) {
                    throw new IllegalStateException(type + " field " + name + " is " + field.spec() + ", not " + spec);
                }
                return field.number();
            }
        }
        throw new IllegalStateException(type + " has no field " + name);
    }

    /**
     * Requires that {@code numbers}, the fields a typed view or a typed writer method handles, are exactly the fields
     * {@code 0..n-1} of {@code type}, each once (at class initialisation: docs/design/binary-journal.md section 11, R3),
     * so a field added to a hot type fails there instead of being silently left out.
     *
     * @throws IllegalStateException when a field of {@code type} is not handled, or a number is not one of its fields
     */
    public static void requireCovers(WireType type, int... numbers) {
        int n = type.fieldArray().length;
        boolean[] seen = new boolean[n];
        for (int number : numbers) {
            if (number < 0 || number >= n || seen[number]) {
                throw new IllegalStateException(type + ": field " + number + " is not one of its " + n + " fields, or is"
                        + " handled twice");
            }
            seen[number] = true;
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                throw new IllegalStateException(type + " field " + type.fieldArray()[i] + " is not handled: a field was"
                        + " added to the type, so its typed view or writer must handle it too");
            }
        }
    }

    /** The journal schema's type of {@code record}, a type or a struct. */
    public static WireType type(Class<?> record) {
        WireType type = WireSchema.journal().typeOf(record);
        if (type == null) {
            throw new IllegalStateException("the wire schema has no " + record.getName());
        }
        return type;
    }
}
