package fundexchange.gateway.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The raw query of a signed request, refused (400, code 109 naming the parameter; 123 if repeated) unless the
 * signature's canonicaliser (docs/api-signing.md, Query) and the handlers, which read Helidon's decoded query, read it
 * alike: {@code name=value} pairs joined by single {@code &}; names of the RFC 3986 unreserved characters, literal;
 * values of unreserved characters, {@code : @ / ? ! $ ' ( ) * ,} and percent escapes; no literal {@code +} (a space to
 * a form decoder, a plus sign to the canonicaliser; {@code %2B} is a plus sign to both, as Helidon decodes once and
 * a decoded {@code +} is no delimiter); no escape of {@code & = # ; %} or of a control character (one decoding more
 * or less, or a parser splitting on {@code ;}, would read another query); escaped bytes valid UTF-8; no name twice,
 * even written differently.
 */
final class RawQuery {
    private static final String LITERAL_IN_VALUE = ":@/?!$'()*,";
    private static final String NEVER_ESCAPED = "&=#;%";

    private RawQuery() {
    }

    static void requireUnambiguous(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (String parameter : raw.split("&", -1)) {
            if (parameter.isEmpty()) {
                throw ListParams.bad("the query has an empty parameter (a leading, trailing or doubled '&'); send"
                        + " name=value pairs joined by single '&'");
            }
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            if (!unreserved(name)) {
                throw ListParams.bad("query parameter name '" + printable(name) + "' must be 1 or more letters, digits,"
                        + " '.', '_', '~' or '-', not percent-encoded");
            }
            if (eq < 0) {
                throw ListParams.bad(name + " must be given as " + name + "=value: a parameter without '=' reads as"
                        + " another query to another parser");
            }
            requireValue(name, parameter.substring(eq + 1));
            if (!names.add(name)) {
                throw new ApiException(400, ApiError.REPEATED_PARAMETER, "query parameter '" + name
                        + "' is given more than once; give it once");
            }
        }
    }

    private static void requireValue(String name, String value) {
        byte[] decoded = new byte[value.length()];
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
                if (low < 0) {
                    throw ListParams.bad(name + " has a '%' that is not followed by two hex digits");
                }
                int b = high << 4 | low;
                if (b < 0x20 || b == 0x7F || NEVER_ESCAPED.indexOf(b) >= 0) {
                    throw ListParams.bad(name + " has the escape %" + value.substring(i + 1, i + 3)
                            + ", which the API never accepts: it could be read as another query");
                }
                decoded[length++] = (byte) b;
                i += 2;
            } else if (c == '+') {
                throw ListParams.bad(name + " has a literal '+', which one parser reads as a space and the signature"
                        + " as a plus sign; send %20 for a space or %2B for a plus sign where a value allows one");
            } else if (isUnreserved(c) || LITERAL_IN_VALUE.indexOf(c) >= 0) {
                decoded[length++] = (byte) c;
            } else {
                throw ListParams.bad(name + " has the character '" + printable(String.valueOf(c)) + "', which must be"
                        + " percent-encoded");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded, 0, length));
        } catch (CharacterCodingException e) {
            throw ListParams.bad(name + " does not decode to UTF-8");
        }
    }

    private static boolean unreserved(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isUnreserved(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** At most 64 characters of {@code text}, anything outside printable ASCII escaped, for a message. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(text.length(), 64); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F && c != '\'' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
