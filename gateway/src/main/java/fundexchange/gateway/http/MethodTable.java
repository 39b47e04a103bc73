package fundexchange.gateway.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers routes and remembers each path's methods, so that a known path called with another method is answered
 * 405 with {@code Allow} and code 124 rather than 404 ({@link #closeWithMethodNotAllowed}, after every route).
 */
final class MethodTable {
    private final HttpRouting.Builder routing;
    private final Map<String, Set<String>> methods = new LinkedHashMap<>();

    MethodTable(HttpRouting.Builder routing) {
        this.routing = routing;
    }

    void get(String path, Handler handler) {
        add(Method.GET, path, handler);
    }

    void post(String path, Handler handler) {
        add(Method.POST, path, handler);
    }

    /** A route whose method is named by text (a command's specification). */
    void route(String method, String path, Handler handler) {
        add(Method.create(method), path, handler);
    }

    private void add(Method method, String path, Handler handler) {
        routing.route(method, path, handler);
        methods.computeIfAbsent(path, p -> new TreeSet<>()).add(method.text());
    }

    /** For every known path, after its own routes: any other method is refused with 405. */
    void closeWithMethodNotAllowed() {
        methods.forEach((path, allowed) -> {
            String allow = String.join(", ", allowed);
            routing.any(path, (request, response) -> {
                response.header(HeaderNames.ALLOW, allow);
                throw new ApiException(405, ApiError.METHOD_NOT_ALLOWED, request.prologue().method().text()
                        + " is not served at " + path + "; allowed: " + allow);
            });
        });
    }
}
