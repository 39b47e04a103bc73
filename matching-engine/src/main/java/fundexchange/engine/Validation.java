package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Field checks shared by the rules; each failure is an INVALID_FIELD rejection naming the field. The id grammar
 * (participant, key, fund and other ids) and the display-text grammar live here and nowhere else (docs/rules.md).
 */
final class Validation {
    /** Ids: 1-64 ASCII letters, digits, '.', '_', '-', starting with a letter or digit (so NFC, no control or bidi). */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Validation() {
    }

    static String id(String value, String field) {
        Rejection.check(value != null && ID.matcher(value).matches(), RejectCode.INVALID_FIELD,
                field + " must be 1-64 letters, digits, '.', '_' or '-'");
        return value;
    }

    /** The form ids are compared in: participant and key ids are unique ignoring case ({@code holder-01} = {@code Holder-01}). */
    static String folded(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /**
     * Display text (names, reasons): 1-200 characters, not only spaces and controls, none of the {@link #invisible}
     * characters. Both sets are fixed lists, not the JDK's Unicode tables, so a newer JDK decides the same on replay:
     * Unicode normalization (NFC) depends on the JDK's Unicode version (a code point unassigned in an older one is
     * "normalized" there and not in a newer one), so the gateway refuses text that is not NFC (docs/api.md, Input
     * rules) and the engine does not decide on it.
     */
    static String text(String value, String field) {
        if (value == null || value.trim().isEmpty() || value.length() > 200) {
            throw new Rejection(RejectCode.INVALID_FIELD, field + " is required (at most 200 characters)");
        }
        for (int i = 0, c; i < value.length(); i += Character.charCount(c)) {
            c = value.codePointAt(i);
            if (invisible(c)) {
                throw new Rejection(RejectCode.INVALID_FIELD,
                        field + " must not contain control, bidirectional or zero-width characters");
            }
        }
        return value;
    }

    /**
     * C0 and C1 controls and DEL; the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
     * U+202A-U+202E, U+2066-U+2069); zero-width space, non-joiner and joiner (U+200B-U+200D); line and paragraph
     * separators (U+2028, U+2029); the byte order mark (U+FEFF); lone surrogates.
     */
    static boolean invisible(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF
                || (c >= 0xD800 && c <= 0xDFFF);
    }

    static String currency(String value) {
        Rejection.check(value != null && CURRENCY.matcher(value).matches(), RejectCode.INVALID_FIELD,
                "currency must be an ISO 4217 code such as CNY");
        return value;
    }

    static LocalDate date(String value, String field) {
        Rejection.check(value != null, RejectCode.INVALID_FIELD, field + " is required (ISO date)");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Rejection(RejectCode.INVALID_FIELD, field + " must be an ISO date such as 2026-06-30");
        }
    }

    static void algorithm(String value) {
        Rejection.check("ED25519".equals(value) || "SM2-SM3".equals(value), RejectCode.INVALID_FIELD,
                "algorithm must be ED25519 or SM2-SM3");
    }

    /** The DER bytes of a Base64 X.509 SubjectPublicKeyInfo that is a key of {@code algorithm} ({@link PublicKeys}). */
    static byte[] publicKey(String algorithm, String value) {
        algorithm(algorithm);
        Rejection.check(value != null && !value.isBlank(), RejectCode.INVALID_FIELD, "publicKey is required");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Rejection(RejectCode.INVALID_FIELD, "publicKey must be Base64");
        }
        Rejection.check(PublicKeys.matches(algorithm, der), RejectCode.KEY_ALGORITHM_MISMATCH,
                "publicKey is not an " + algorithm + " X.509 SubjectPublicKeyInfo (algorithm and key bytes must agree)");
        return der;
    }

    static void present(Object value, String field) {
        if (value == null) {
            throw new Rejection(RejectCode.INVALID_FIELD, field + " is required");
        }
    }
}
