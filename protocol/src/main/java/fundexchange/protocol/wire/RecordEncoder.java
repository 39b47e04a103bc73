package fundexchange.protocol.wire;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.List;

/**
 * Writes any record the schema describes as a struct (docs/design/binary-journal.md section 2.4): the length, the
 * field count {@code k} after trimming, the fixed-block length, the presence bits, the fixed block, then the variable
 * fields. Stateless, so one serves every thread; it allocates nothing once the buffer is large enough (primitives are
 * read through exact method handles, lists by index, strings straight into the buffer).
 */
public final class RecordEncoder {
    private final WireSchema schema;

    public RecordEncoder(WireSchema schema) {
        this.schema = schema;
    }

    public WireSchema schema() {
        return schema;
    }

    /** Writes {@code value}'s {@code u16} type id, then its struct; its type must have an id. */
    public void encodeTyped(Object value, WireBuffer out) {
        WireType type = schema.typeOf(value.getClass());
        if (type == null || type.id() == 0) {
            throw new IllegalArgumentException(value.getClass().getName() + " has no type id in the wire schema");
        }
        out.putShort(type.id());
        encodeStruct(value, type, out);
    }

    /** Writes {@code value} as a struct of {@code type}. */
    public void encodeStruct(Object value, WireType type, WireBuffer out) {
        if (!type.type().isInstance(value)) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not a " + type.type().getName());
        }
        WireField[] fields = type.fieldArray();
        int count = fieldCount(value, fields);
        int presenceBytes = (count + 7) >>> 3;
        int fixedLength = type.fixedPrefix[count];
        int start = out.position();
        out.putInt(0);
        out.putByte(count);
        out.putByte(0);
        out.putShort(fixedLength);
        int presenceAt = out.position();
        out.putZeros(presenceBytes);
        int fixedAt = out.position();
        out.putZeros(fixedLength);
        for (int i = 0; i < count; i++) {
            WireField field = fields[i];
            if (field.kind().fixed() && writeFixed(value, field, out, fixedAt + field.fixedOffset)) {
                present(out, presenceAt, i);
            }
        }
        for (int i = 0; i < count; i++) {
            WireField field = fields[i];
            if (!field.kind().fixed()) {
                Object component = object(field, value);
                if (component != null) {
                    present(out, presenceAt, i);
                    writeVar(field, component, out);
                }
            }
        }
        out.setInt(start, out.position() - start);
    }

    /** One more than the number of the last field that is present and, for a primitive, not zero or false. */
    private static int fieldCount(Object value, WireField[] fields) {
        for (int i = fields.length - 1; i >= 0; i--) {
            WireField field = fields[i];
            boolean written;
            if (field.primitive) {
                written = switch (field.kind()) {
                    case I64 -> i64(field, value) != 0;
                    case I32 -> i32(field, value) != 0;
                    case BOOL -> bool(field, value);
                    default -> throw new IllegalStateException(field.toString());
                };
            } else {
                written = object(field, value) != null;
            }
            if (written) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void present(WireBuffer out, int presenceAt, int number) {
        byte[] bytes = out.array();
        bytes[presenceAt + (number >>> 3)] |= (byte) (1 << (number & 7));
    }

    private static boolean writeFixed(Object value, WireField field, WireBuffer out, int at) {
        if (field.primitive) {
            switch (field.kind()) {
                case I64 -> out.setLong(at, i64(field, value));
                case I32 -> out.setInt(at, i32(field, value));
                case BOOL -> out.setByte(at, bool(field, value) ? 1 : 0);
                default -> throw new IllegalStateException(field.toString());
            }
            return true;
        }
        Object component = object(field, value);
        if (component == null) {
            return false;
        }
        switch (field.kind()) {
            case I64, UNITS, MONEY, PRICE, MULTIPLE -> out.setLong(at, rawLong(field.kind(), component));
            case I32 -> out.setInt(at, (Integer) component);
            case BOOL -> out.setByte(at, (Boolean) component ? 1 : 0);
            case ENUM -> out.setByte(at, field.codes.code((Enum<?>) component));
            default -> throw new IllegalStateException(field.toString());
        }
        return true;
    }

    private static long rawLong(WireKind kind, Object value) {
        return switch (kind) {
            case I64 -> (Long) value;
            case UNITS -> ((Units) value).raw();
            case MONEY -> ((Money) value).raw();
            case PRICE -> ((Price) value).raw();
            case MULTIPLE -> ((Multiple) value).raw();
            default -> throw new IllegalStateException(kind.toString());
        };
    }

    private void writeVar(WireField field, Object value, WireBuffer out) {
        if (field.kind() == WireKind.STRING) {
            writeString((String) value, out);
            return;
        }
        int at = out.position();
        out.putByte(0);
        switch (field.kind()) {
            case LIST -> {
                List<?> list = (List<?>) value;
                int size = list.size();
                out.putVarUInt(size);
                for (int i = 0; i < size; i++) {
                    Object element = list.get(i);
                    if (element == null) {
                        throw new IllegalArgumentException("a null element in " + field.name() + ": lists hold no null");
                    }
                    writeElement(field.element(), element, out);
                }
            }
            case STRUCT -> encodeStruct(value, field.struct, out);
            case TYPED -> writeTyped(field, value, out);
            default -> throw new IllegalStateException(field.toString());
        }
        out.closeLengthPrefix(at);
    }

    private void writeElement(WireField element, Object value, WireBuffer out) {
        switch (element.kind()) {
            case I64, UNITS, MONEY, PRICE, MULTIPLE -> out.putLong(rawLong(element.kind(), value));
            case I32 -> out.putInt((Integer) value);
            case BOOL -> out.putByte((Boolean) value ? 1 : 0);
            case ENUM -> out.putByte(element.codes.code((Enum<?>) value));
            case STRING -> writeString((String) value, out);
            case STRUCT -> encodeStruct(value, element.struct, out);
            case TYPED -> writeTyped(element, value, out);
            case LIST -> throw new IllegalStateException("a list of lists");
        }
    }

    private void writeTyped(WireField field, Object value, WireBuffer out) {
        if (!field.target().isInstance(value)) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not a " + field.target().getName());
        }
        encodeTyped(value, out);
    }

    private static void writeString(String text, WireBuffer out) {
        int length = Wtf8.length(text);
        out.putVarUInt(length);
        out.putWtf8(text, length);
    }

    private static long i64(WireField field, Object value) {
        try {
            return (long) field.getter.invokeExact(value);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static int i32(WireField field, Object value) {
        try {
            return (int) field.getter.invokeExact(value);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static boolean bool(WireField field, Object value) {
        try {
            return (boolean) field.getter.invokeExact(value);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static Object object(WireField field, Object value) {
        try {
            return (Object) field.getter.invokeExact(value);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(e);
    }
}
