package fundexchange.gateway.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A query parameter may appear once: no endpoint documents a list, and the canonical string sorts repeated
 * parameters where a handler would read one of them, so two parsers could read two requests (docs/api.md). The raw
 * query must read the same to the signature's canonicaliser and to the handlers ({@link RawQuery}). Path parameters
 * (ids, fund codes, request ids) are, once decoded, from the URL-safe set every id of the API is drawn from.
 */
final class QueryRules {
    /** Every path parameter of the API: ids, fund codes, numbers, request ids (RFC 3986 unreserved characters). */
    private static final Pattern PATH_PARAMETER = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private QueryRules() {
    }

    static void requireSingle(ServerRequest request) {
        for (String name : request.path().pathParameters().names()) {
            String value = request.path().pathParameters().get(name);
            if (!PATH_PARAMETER.matcher(value).matches()) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "path parameter '" + name
                        + "' must be 1-128 letters, digits, '.', '_', '~' or '-'");
            }
        }
        RawQuery.requireUnambiguous(request.query().rawValue());
        for (Map.Entry<String, List<String>> parameter : request.query().toMap().entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw new ApiException(400, ApiError.REPEATED_PARAMETER, "query parameter '" + parameter.getKey()
                        + "' is given " + parameter.getValue().size() + " times; give it once");
            }
        }
    }
}
