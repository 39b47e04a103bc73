package fundexchange.gateway.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;

/**
 * A query parameter may appear once: no endpoint documents a list, and the canonical string sorts repeated
 * parameters where a handler would read one of them, so two parsers could read two requests (docs/api.md).
 */
final class QueryRules {
    private QueryRules() {
    }

    static void requireSingle(ServerRequest request) {
        for (Map.Entry<String, List<String>> parameter : request.query().toMap().entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw new ApiException(400, ApiError.REPEATED_PARAMETER, "query parameter '" + parameter.getKey()
                        + "' is given " + parameter.getValue().size() + " times; give it once");
            }
        }
    }
}
