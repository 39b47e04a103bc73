package fundexchange.protocol.wire;

import java.util.Arrays;

/** An enum's codes from the schema (one byte each, never the ordinal): code to constant and constant to code. */
public final class EnumCodes {
    private final Class<?> type;
    private final int[] codeByOrdinal;
    private final Enum<?>[] constantByCode;

    EnumCodes(Class<?> type, int[] codeByOrdinal, Enum<?>[] constantByCode) {
        this.type = type;
        this.codeByOrdinal = codeByOrdinal;
        this.constantByCode = constantByCode;
    }

    public Class<?> type() {
        return type;
    }

    /** The code of {@code constant}. */
    public int code(Enum<?> constant) {
        return codeByOrdinal[constant.ordinal()];
    }

    /** The constant of {@code code}, or null when the schema has no such code. */
    public Enum<?> constant(int code) {
        return code >= 0 && code < constantByCode.length ? constantByCode[code] : null;
    }

    /** How many codes there are. */
    public int size() {
        return constantByCode.length;
    }

    @Override
    public String toString() {
        return type.getName() + Arrays.toString(constantByCode);
    }
}
