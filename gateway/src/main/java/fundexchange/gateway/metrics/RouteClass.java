package fundexchange.gateway.metrics;

import io.helidon.http.Method;

/**
 * The class of a public route, the {@code route_class} label of the request latency histogram: a fixed, small set,
 * never a path (paths carry ids). {@link #STATIC}: the unsigned documents (portal assets, OpenAPI and its docs, the
 * exchange's identity); {@link #PUBLIC}: the unsigned public market-data reads ({@code /market-data...}, issue 23,
 * with their own rate bound); {@link #STREAM}: the live stream; {@link #WRITE}: every other method than GET and HEAD;
 * {@link #READ}: every other GET or HEAD.
 */
public enum RouteClass {
    WRITE, READ, STREAM, STATIC, PUBLIC;

    /** The label value: the name in lower case. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The class of a request for {@code path} with {@code method}, whether or not a route serves it. */
    public static RouteClass of(Method method, String path) {
        if (!method.equals(Method.GET) && !method.equals(Method.HEAD)) {
            return WRITE;
        }
        if (path.equals("/stream")) {
            return STREAM;
        }
        if (path.equals("/market-data") || path.startsWith("/market-data/")) {
            return PUBLIC;
        }
        if (path.equals("/") || path.startsWith("/portal/") || path.equals("/openapi") || path.equals("/docs")
                || path.startsWith("/docs/") || path.equals("/exchange") || path.equals("/exchange/keys")) {
            return STATIC;
        }
        return READ;
    }
}
