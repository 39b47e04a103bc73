package fundexchange.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Field checks shared by the rules; each failure is an INVALID_FIELD rejection naming the field. */
final class Validation {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Validation() {
    }

    static String id(String value, String field) {
        Rejection.check(value != null && ID.matcher(value).matches(), RejectCode.INVALID_FIELD,
                field + " must be 1-64 letters, digits, '.', '_' or '-'");
        return value;
    }

    static String text(String value, String field) {
        Rejection.check(value != null && !value.isBlank() && value.length() <= 200, RejectCode.INVALID_FIELD,
                field + " is required (at most 200 characters)");
        return value;
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

    static void publicKey(String value) {
        Rejection.check(value != null && !value.isBlank(), RejectCode.INVALID_FIELD, "publicKey is required");
        try {
            Rejection.check(Base64.getDecoder().decode(value).length >= 32, RejectCode.INVALID_FIELD,
                    "publicKey must be a Base64 X.509 SubjectPublicKeyInfo");
        } catch (IllegalArgumentException e) {
            throw new Rejection(RejectCode.INVALID_FIELD, "publicKey must be Base64");
        }
    }

    static void present(Object value, String field) {
        Rejection.check(value != null, RejectCode.INVALID_FIELD, field + " is required");
    }
}
