package fundexchange.gateway.portal;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * The browser security policy of the portal (docs/portal.md, Security model): no inline script but the import map,
 * allowed by its hash; Trusted Types required for every DOM sink that parses script, with lit-html's policy the only
 * one; nothing framed, no plugins, no base URL changes, no forms posted anywhere, connections only to this origin.
 */
public final class PortalPolicy {
    /** The Trusted Types policies a page may create: lit-html's, which it uses for its template HTML. */
    public static final String TRUSTED_TYPES_POLICIES = "lit-html";

    private PortalPolicy() {
    }

    static String contentSecurityPolicy(String importMapHash) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self' 'sha256-" + importMapHash + "'",
                "style-src 'self'",
                "img-src 'self' blob:",
                "font-src 'self'",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
                "require-trusted-types-for 'script'",
                "trusted-types " + TRUSTED_TYPES_POLICIES);
    }

    /** The headers of every portal answer; a page's also carry the CSP. */
    static void apply(ServerResponse response, PortalAsset asset, String contentSecurityPolicy) {
        response.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        response.header(HeaderNames.CACHE_CONTROL, asset.cacheControl());
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        response.header(HeaderNames.create("Cross-Origin-Resource-Policy"), "same-origin");
        if (asset.page()) {
            response.header(HeaderNames.create("Content-Security-Policy"), contentSecurityPolicy);
            response.header(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin");
            response.header(HeaderNames.create("X-Frame-Options"), "DENY");
        }
    }
}
