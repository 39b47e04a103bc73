package fundexchange.gateway.auth;

import fundexchange.gateway.http.ApiError;
import fundexchange.gateway.http.ApiException;
import io.helidon.http.HeaderName;
import io.helidon.webserver.http.ServerRequest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammars of the six security headers (docs/api-signing.md, "Headers"): each exactly once (else 400, 121),
 * present (else 401, 101) and in its grammar (else 400, 122, naming the header).
 */
final class SecurityHeaders {
    /** Participant and key ids, as the engine's identifier grammar. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Client request ids: URL-safe (RFC 3986 unreserved characters), so {@code /requests/{id}} finds each. */
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    /** The canonical decimal of a non-negative long: no sign, no leading zeros. */
    static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");
    /** RFC 4648 section 4 with padding, nothing else. */
    static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private SecurityHeaders() {
    }

    /** The one value of {@code name}, which must match {@code grammar} ({@code described} says how). */
    static String value(ServerRequest request, HeaderName name, Pattern grammar, String described) {
        List<String> values = request.headers().all(name, List::of);
        if (values.size() > 1) {
            throw new ApiException(400, ApiError.DUPLICATE_HEADER, "header " + name.defaultCase() + " is given "
                    + values.size() + " times; give it once");
        }
        if (values.isEmpty() || values.getFirst().isEmpty()) {
            throw new ApiException(401, ApiError.MISSING_SIGNATURE, "missing header " + name.defaultCase());
        }
        String value = values.getFirst();
        if (!grammar.matcher(value).matches()) {
            throw malformed(name, described);
        }
        return value;
    }

    /** X-Timestamp: the canonical decimal of a long. */
    static long timestamp(ServerRequest request, HeaderName name) {
        String text = value(request, name, DECIMAL, "a decimal number of epoch milliseconds without sign or leading zeros");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed(name, "a decimal number that fits a signed 64-bit integer");
        }
    }

    /** X-Signature: strict Base64, whose decoding encodes back to the same text (canonical trailing bits). */
    static byte[] signature(ServerRequest request, HeaderName name) {
        String text = value(request, name, BASE64, "standard Base64 (RFC 4648 section 4) with '=' padding");
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length == 0 || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw malformed(name, "canonical Base64: the unused bits of the last character must be zero");
        }
        return bytes;
    }

    private static ApiException malformed(HeaderName name, String described) {
        return new ApiException(400, ApiError.MALFORMED_HEADER, "header " + name.defaultCase() + " must be " + described);
    }
}
