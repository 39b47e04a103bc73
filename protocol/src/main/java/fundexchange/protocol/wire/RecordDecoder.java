package fundexchange.protocol.wire;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.Arrays;
import java.util.List;

/**
 * Reads structs back into records through their canonical constructors. A {@linkplain #strict strict} decoder refuses
 * anything the encoder would not have written (section 2.1's canonical form), so for it {@code encode(decode(b))}
 * gives back {@code b}; a tolerant one also accepts fields unknown to this build, which re-encoding drops, so the
 * identity does not hold for what it skips. Confined to one thread: it reuses an argument array per type and keeps a
 * {@link WireStrings} cache.
 *
 * <p>A {@linkplain #strict strict} decoder (the engine, the verifier) refuses fields and type ids this build does not
 * know ("written by a newer build"); a {@linkplain #tolerant tolerant} one skips unknown fields by their lengths and
 * {@linkplain #unknownFields counts} them. Unknown type ids are refused by both: their records cannot be built.
 */
public final class RecordDecoder {
    /** The deepest nesting of structs (typed values and list elements included) a document may hold. */
    public static final int MAX_DEPTH = 32;
    private final WireSchema schema;
    private final boolean strict;
    private final WireStrings strings = new WireStrings();
    private final Object[][] arguments;
    private final boolean[] busy;
    private byte[] bytes;
    private int position;
    private int unknownFields;
    /** How many structs the current read is inside: bounded so hostile bytes cannot overflow the stack. */
    private int depth;
    /** A decode failed part-way: the reusable argument arrays may hold values and are cleared before the next one. */
    private boolean dirty;

    private RecordDecoder(WireSchema schema, boolean strict) {
        this.schema = schema;
        this.strict = strict;
        this.arguments = new Object[schema.types().size()][];
        this.busy = new boolean[schema.types().size()];
    }

    /** A decoder that refuses fields this build does not know. */
    public static RecordDecoder strict(WireSchema schema) {
        return new RecordDecoder(schema, true);
    }

    /** A decoder that skips and counts fields this build does not know. */
    public static RecordDecoder tolerant(WireSchema schema) {
        return new RecordDecoder(schema, false);
    }

    public WireSchema schema() {
        return schema;
    }

    /** How many present fields unknown to this build a tolerant decoder has skipped so far. */
    public int unknownFields() {
        return unknownFields;
    }

    /** Decodes the typed value ({@code u16} type id, then its struct) that fills exactly {@code length} bytes. */
    public Object decodeTyped(byte[] source, int offset, int length, Class<?> expected) {
        start(source, offset);
        Object value = readTyped(expected, offset + length, true);
        requireEnd(offset + length, "typed value");
        return value;
    }

    /** Decodes the struct of {@code type} that fills exactly {@code length} bytes. */
    public Object decodeStruct(byte[] source, int offset, int length, WireType type) {
        start(source, offset);
        Object value = readStruct(type, offset + length, true);
        requireEnd(offset + length, "struct");
        return value;
    }

    void start(byte[] source, int offset) {
        if (dirty) {
            for (Object[] values : arguments) {
                if (values != null) {
                    Arrays.fill(values, null);
                }
            }
            Arrays.fill(busy, false);
        }
        dirty = true;
        depth = 0;
        bytes = source;
        position = offset;
    }

    int position() {
        return position;
    }

    void position(int to) {
        position = to;
    }

    void requireEnd(int end, String what) {
        if (position != end) {
            throw new WireFormatException((end - position) + " bytes left after the " + what, position);
        }
        dirty = false;
    }

    Object readTyped(Class<?> expected, int limit, boolean build) {
        need(2, limit);
        WireType type = StructFrame.typeId(bytes, position, schema, expected);
        position += 2;
        return readStruct(type, limit, build);
    }

    Object readStruct(WireType type, int limit, boolean build) {
        if (depth == MAX_DEPTH) {
            throw new WireFormatException("structs nested deeper than " + MAX_DEPTH + " levels", position);
        }
        depth++;
        try {
            return readStructBody(type, limit, build);
        } finally {
            depth--;
        }
    }

    private Object readStructBody(WireType type, int limit, boolean build) {
        int start = position;
        int end = StructFrame.check(bytes, start, limit, type, strict);
        int count = StructFrame.count(bytes, start);
        int presenceAt = start + 8;
        int fixedAt = StructFrame.fixedAt(bytes, start);
        WireField[] fields = type.fieldArray();
        int known = fields.length;
        int knownCount = Math.min(count, known);
        Object[] values = build ? acquire(type) : null;
        for (int i = 0; i < knownCount; i++) {
            WireField field = fields[i];
            if (!field.kind().fixed()) {
                continue;
            }
            int at = fixedAt + field.fixedOffset;
            if (!StructFrame.fixedPresent(bytes, start, i, field, at)) {
                continue;
            }
            Object value = readFixed(field, at, build);
            if (build) {
                values[field.argument] = value;
            }
        }
        position = fixedAt + StructFrame.fixedLength(bytes, start);
        for (int i = 0; i < knownCount; i++) {
            WireField field = fields[i];
            if (!field.kind().fixed() && StructFrame.present(bytes, presenceAt, i)) {
                Object value = readVar(field, end, build);
                if (build) {
                    values[field.argument] = value;
                }
            }
        }
        if (count > known) {
            for (int i = known; i < count; i++) {
                if (StructFrame.present(bytes, presenceAt, i)) {
                    unknownFields++;
                }
            }
            while (position < end) {
                long read = VarUInt.read(bytes, position, end);
                position += VarUInt.sizeOf(read);
                int skip = VarUInt.value(read);
                if (skip > end - position) {
                    throw new WireFormatException("an unknown field overruns the struct", position);
                }
                position += skip;
            }
        }
        StructFrame.requireEnd(position, end, type);
        if (!build) {
            return null;
        }
        for (int i = knownCount; i < known; i++) {
            WireField field = fields[i];
            if (field.primitive) {
                values[field.argument] = switch (field.kind()) {
                    case I64 -> 0L;
                    case I32 -> 0;
                    default -> Boolean.FALSE;
                };
            }
        }
        try {
            return (Object) type.constructor.invokeExact(values);
        } catch (RuntimeException e) {
            throw new WireFormatException(type.type().getSimpleName() + " refuses the decoded values: " + e.getMessage(), start);
        } catch (Throwable e) {
            throw RecordEncoder.rethrow(e);
        } finally {
            release(type, values);
        }
    }

    private Object readFixed(WireField field, int at, boolean build) {
        WireKind kind = field.kind();
        switch (kind) {
            case BOOL -> {
                boolean value = StructFrame.bool(bytes, field, at);
                return build ? Boolean.valueOf(value) : null;
            }
            case ENUM -> {
                return StructFrame.enumConstant(bytes, field, at);
            }
            default -> {
                if (!build) {
                    return null;
                }
                return switch (kind) {
                    case I64 -> WireBuffer.getLong(bytes, at);
                    case I32 -> WireBuffer.getInt(bytes, at);
                    case UNITS -> new Units(WireBuffer.getLong(bytes, at));
                    case MONEY -> new Money(WireBuffer.getLong(bytes, at));
                    case PRICE -> new Price(WireBuffer.getLong(bytes, at));
                    case MULTIPLE -> new Multiple(WireBuffer.getLong(bytes, at));
                    default -> throw new IllegalStateException(field.toString());
                };
            }
        }
    }

    private Object readVar(WireField field, int limit, boolean build) {
        long read = StructFrame.fieldLength(bytes, position, limit, field);
        position += VarUInt.sizeOf(read);
        int length = VarUInt.value(read);
        int end = position + length;
        Object value = switch (field.kind()) {
            case STRING -> {
                String text = text(position, length, field.interned, build);
                position = end;
                yield text;
            }
            case LIST -> readList(field.element(), end, build);
            case STRUCT -> readStruct(field.struct, end, build);
            case TYPED -> readTyped(field.target(), end, build);
            default -> throw new IllegalStateException(field.toString());
        };
        StructFrame.requireFilled(position, end, field, length);
        return value;
    }

    private Object readList(WireField element, int limit, boolean build) {
        long read = StructFrame.listSize(bytes, position, limit);
        position += VarUInt.sizeOf(read);
        int size = VarUInt.value(read);
        Object[] items = build ? new Object[size] : null;
        for (int i = 0; i < size; i++) {
            Object item = readElement(element, limit, build);
            if (build) {
                items[i] = item;
            }
        }
        return build ? List.of(items) : null;
    }

    private Object readElement(WireField element, int limit, boolean build) {
        WireKind kind = element.kind();
        if (kind.fixed()) {
            need(kind.width(), limit);
            Object value = readFixed(element, position, build);
            position += kind.width();
            return value;
        }
        return switch (kind) {
            case STRING -> readString(limit, false, build);
            case STRUCT -> readStruct(element.struct, limit, build);
            case TYPED -> readTyped(element.target(), limit, build);
            default -> throw new IllegalStateException(element.toString());
        };
    }

    /** A varuint length, then that many bytes of WTF-8. */
    String readString(int limit, boolean interned, boolean build) {
        long read = StructFrame.stringLength(bytes, position, limit);
        position += VarUInt.sizeOf(read);
        int length = VarUInt.value(read);
        String text = text(position, length, interned, build);
        position += length;
        return text;
    }

    private String text(int at, int length, boolean interned, boolean build) {
        if (!build) {
            Wtf8.check(bytes, at, length);
            return null;
        }
        return interned ? strings.intern(bytes, at, length) : Wtf8.decode(bytes, at, length);
    }

    private void need(int count, int limit) {
        if (count > limit - position) {
            throw new WireFormatException("truncated: " + count + " bytes needed, " + Math.max(0, limit - position) + " left", position);
        }
    }

    private Object[] acquire(WireType type) {
        Object[] reusable = arguments[type.ordinal];
        if (reusable == null) {
            reusable = new Object[type.fieldArray().length];
            arguments[type.ordinal] = reusable;
        }
        if (busy[type.ordinal]) {
            return new Object[reusable.length];
        }
        busy[type.ordinal] = true;
        return reusable;
    }

    private void release(WireType type, Object[] values) {
        Arrays.fill(values, null);
        if (values == arguments[type.ordinal]) {
            busy[type.ordinal] = false;
        }
    }
}
