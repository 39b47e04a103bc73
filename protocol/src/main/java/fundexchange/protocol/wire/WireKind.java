package fundexchange.protocol.wire;

/**
 * How a record component is written (docs/design/binary-journal.md section 2.4). The fixed kinds sit in a struct's
 * fixed block at their width; the others in its variable section, each as a varuint length and its payload.
 */
public enum WireKind {
    /** {@code long}, {@code Long}: 8 bytes. */
    I64("i64", 8),
    /** {@code int}, {@code Integer}: 4 bytes. */
    I32("i32", 4),
    /** {@code boolean}, {@code Boolean}: 1 byte, 0 or 1. */
    BOOL("bool", 1),
    /** {@code Units}: its raw {@code long}. */
    UNITS("units", 8),
    MONEY("money", 8),
    PRICE("price", 8),
    MULTIPLE("multiple", 8),
    /** An enum: 1 byte, the constant's code in the schema (never its ordinal). */
    ENUM("enum", 1),
    /** WTF-8 bytes. */
    STRING("string", 0),
    /** A varuint count, then the elements. */
    LIST("list", 0),
    /** An untyped record: a struct. */
    STRUCT("struct", 0),
    /** A record of a sealed interface: its {@code u16} type id, then its struct. */
    TYPED("typed", 0);

    private final String word;
    private final int width;

    WireKind(String word, int width) {
        this.word = word;
        this.width = width;
    }

    /** The word in the schema file ({@code i64}, {@code enum}, ...). */
    public String word() {
        return word;
    }

    /** The bytes a fixed kind takes; 0 for a variable one. */
    public int width() {
        return width;
    }

    public boolean fixed() {
        return width > 0;
    }

    /** The kind whose schema word is {@code word}. */
    public static WireKind ofWord(String word) {
        for (WireKind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no wire kind " + word);
    }
}
