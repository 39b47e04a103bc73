package fundexchange.gateway.http;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The rule for text a person reads (names, reasons, every string of a request body, docs/api.md "Input rules"):
 * Unicode NFC, no control characters (C0, DEL, C1), no unpaired surrogates, and no bidirectional formatting
 * characters (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), which could make text read differently from
 * what was signed.
 */
final class DisplayText {
    private DisplayText() {
    }

    /** Why {@code text} breaks the rule, if it does. */
    static Optional<String> check(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("must not contain control character U+" + hex(c));
            }
            if (Character.getType(c) == Character.SURROGATE) {
                return Optional.of("must not contain an unpaired surrogate");
            }
            if (bidi(c)) {
                return Optional.of("must not contain bidirectional formatting character U+" + hex(c));
            }
            i += Character.charCount(c);
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return Optional.of("must be in Unicode normalization form NFC");
        }
        return Optional.empty();
    }

    private static boolean bidi(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
