package fundexchange.protocol.wire;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A record as the schema describes it: its type id (0 for an untyped struct, known from its field's declared type),
 * its fields by number, their fixed offsets, and its canonical constructor, as Jackson builds records.
 */
public final class WireType {
    private final int id;
    private final Class<?> type;
    private final WireField[] fields;
    final int ordinal;
    /** {@code fixedPrefix[k]}: the bytes of the fixed fields numbered below {@code k}. */
    final int[] fixedPrefix;
    /** {@code (Object[])Object}: the canonical constructor, its arguments in component order. */
    final MethodHandle constructor;

    WireType(int id, Class<?> type, WireField[] fields, int ordinal, int[] fixedPrefix, MethodHandle constructor) {
        this.id = id;
        this.type = type;
        this.fields = fields;
        this.ordinal = ordinal;
        this.fixedPrefix = fixedPrefix;
        this.constructor = constructor;
    }

    /** The type id, or 0 for a struct that has none. */
    public int id() {
        return id;
    }

    public Class<?> type() {
        return type;
    }

    /** The fields, by number. */
    public List<WireField> fields() {
        return List.of(fields);
    }

    WireField[] fieldArray() {
        return fields;
    }

    /** The bytes of the fixed block when all {@code fieldCount} first fields are written. */
    public int fixedLength(int fieldCount) {
        return fixedPrefix[fieldCount];
    }

    @Override
    public String toString() {
        return (id == 0 ? "struct " : "type " + id + " ") + type.getName();
    }
}
