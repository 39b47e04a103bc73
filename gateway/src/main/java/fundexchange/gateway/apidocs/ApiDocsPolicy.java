package fundexchange.gateway.apidocs;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * The browser security policy of the API docs (docs/api.md, "Interactive docs"). The page is a sandbox with scripts
 * ({@code sandbox allow-scripts}): its origin is opaque, so its scripts can reach none of this origin's storage (the
 * portal's remembered keys in IndexedDB, its localStorage) and no cookie; beside that, scripts and styles only from
 * this origin, connections only to it (the document at {@code /openapi}, which answers any origin), no framing, no
 * forms, no base URL. Its files are public and carry {@code Cross-Origin-Resource-Policy: cross-origin}, because the
 * page that loads them has no origin of its own to be "same" with.
 */
public final class ApiDocsPolicy {
    /** The Content-Security-Policy of every answer under /docs. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "sandbox allow-scripts",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    private ApiDocsPolicy() {
    }

    /** The headers of every answer under /docs. */
    static void apply(ServerResponse response, DocsFile file) {
        response.header(HeaderNames.CONTENT_TYPE, file.contentType());
        response.header(HeaderNames.CACHE_CONTROL, file.cacheControl());
        response.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        response.header(HeaderNames.create("Cross-Origin-Resource-Policy"), "cross-origin");
        response.header(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin");
        response.header(HeaderNames.create("X-Frame-Options"), "DENY");
    }
}
