package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import java.util.regex.Pattern;

/** Documents enter the journal only as their SHA-256 (CONTRACTS.md 6): 64 lower-case hex digits. */
final class Digests {
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private Digests() {
    }

    static String required(String value, String field) {
        Rejection.check(value != null && SHA_256.matcher(value).matches(), RejectCode.INVALID_FIELD,
                field + " must be a SHA-256 digest: 64 lower-case hex digits");
        return value;
    }

    static String optional(String value, String field) {
        return value == null ? null : required(value, field);
    }
}
