package fundexchange.gateway.portal;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The browser security policy of the portal (docs/portal.md, Security model): no inline script but the import map,
 * allowed by its hash; Trusted Types required for every DOM sink that parses script, with lit-html's policy the only
 * one; nothing frames the portal and it frames only its own {@code blob:} URLs (the data room's watermarked PDF, shown
 * in the browser's viewer), no plugins, no base URL changes, no forms posted anywhere, connections only to this origin and
 * to the loopback signing agents the operator listed ({@code GatewayConfig.portalSignerOrigins}), each by its exact
 * origin.
 */
public final class PortalPolicy {
    /**
     * The Trusted Types policies a page may create: lit-html's, which it uses for its template HTML; and the default
     * policy, which the portal creates at start (pages/regulator/index.js) so that nothing else can, and which admits
     * only the empty string (ECharts empties its container with {@code innerHTML = ""}).
     */
    public static final String TRUSTED_TYPES_POLICIES = "lit-html default";

    /** A local signing agent's origin: plain http to the loopback by address or as localhost, with its port. */
    private static final Pattern SIGNER_ORIGIN = Pattern.compile(
            "http://(127\\.0\\.0\\.1|localhost):([1-9][0-9]{0,4})");

    private PortalPolicy() {
    }

    /**
     * Checks that {@code origin} names a signing agent on this computer's loopback, exactly as a browser writes the
     * origin ({@code http://127.0.0.1:8090}): no other host, scheme, path or wildcard may widen the portal's CSP.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireSignerOrigin(String origin) {
        var match = origin == null ? null : SIGNER_ORIGIN.matcher(origin);
        if (match == null || !match.matches() || Integer.parseInt(match.group(2)) > 65_535) {
            throw new IllegalArgumentException("gateway: a portal signer origin is http://127.0.0.1:PORT or"
                    + " http://localhost:PORT (the local signing agent), not " + origin);
        }
        return origin;
    }

    static String contentSecurityPolicy(String importMapHash) {
        return contentSecurityPolicy(importMapHash, List.of());
    }

    static String contentSecurityPolicy(String importMapHash, List<String> signerOrigins) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self' 'sha256-" + importMapHash + "'",
                "style-src 'self'",
                "img-src 'self' blob:",
                "font-src 'self'",
                String.join(" ", "connect-src 'self'", String.join(" ", signerOrigins)).strip(),
                "frame-src blob:",
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
