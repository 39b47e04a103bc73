package fundexchange.gateway.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves docs/openapi.yaml (packaged into the gateway's jar at build time), unsigned, to any origin: the interactive
 * docs at /docs read it from a sandboxed page, whose origin is opaque ({@code Access-Control-Allow-Origin: *}; the
 * document is public and the answer carries no credentials).
 */
final class OpenApiDocument {
    static final String RESOURCE = "/fundexchange/gateway/openapi.yaml";
    private static final byte[] DOCUMENT = load();

    private OpenApiDocument() {
    }

    static void serve(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/yaml");
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.send(DOCUMENT);
    }

    static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the gateway's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
