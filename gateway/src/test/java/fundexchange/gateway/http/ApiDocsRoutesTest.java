package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.gateway.apidocs.ApiDocs;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The interactive API docs as the gateway serves them, unsigned (docs/api.md, "Interactive docs"): Swagger UI over
 * the fixed document {@code /openapi}, every answer a sandbox ({@code sandbox allow-scripts}: an opaque origin, away
 * from the portal's stored keys) with the security headers, no query accepted, nothing else reachable.
 */
@ServerTest
class ApiDocsRoutesTest {
    private static final String CSP = "sandbox allow-scripts; default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"]+)\"></script>");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI uri;

    ApiDocsRoutesTest(URI uri) {
        this.uri = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        MethodTable table = new MethodTable(routing);
        Routes.documents(table);
        table.closeWithMethodNotAllowed();
        routing.error(ApiException.class, (request, response, e) ->
                Json.send(response, e.status(), new ErrorBody(e.code(), e.getMessage(), "test")));
        routing.error(io.helidon.http.HttpException.class, (request, response, e) -> Json.send(response,
                e.status().code(), new ErrorBody(HelidonErrors.error(e.status().code()).code(), "refused", "test")));
    }

    @Test
    void theDocsPageLoadsSwaggerUiAndAScriptThatFixesTheDocumentAndTurnsQueriesAndTryingOff() throws Exception {
        HttpResponse<String> page = get("/docs");
        assertEquals(List.of(200, "text/html; charset=utf-8", "no-cache"), List.of(page.statusCode(),
                header(page, "Content-Type"), header(page, "Cache-Control")));
        List<String> scripts = new ArrayList<>();
        Matcher script = SCRIPT.matcher(page.body());
        while (script.find()) {
            scripts.add(script.group(1));
        }
        assertEquals(2, scripts.size(), page.body());
        assertEquals("/docs/vendor/swagger-ui/5.35.0/swagger-ui-bundle.js", scripts.get(0));
        assertTrue(scripts.get(1).matches("/docs/docs\\.[0-9a-f]{12}\\.js"), scripts.get(1));
        assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"/docs/vendor/swagger-ui/5.35.0/swagger-ui.css\">"),
                page.body());
        assertTrue(!page.body().contains("{{"), "every placeholder filled");

        String config = get(scripts.get(1)).body().replaceAll("(?m)^//.*$", "");
        for (String setting : List.of("url: \"/openapi\"", "queryConfigEnabled: false", "validatorUrl: null",
                "supportedSubmitMethods: []", "tryItOutEnabled: false", "layout: \"BaseLayout\"")) {
            assertTrue(config.contains(setting), setting + " in " + config);
        }
        for (String absent : List.of("configUrl", "urls", "http:", "https:", "location", "StandalonePreset")) {
            assertTrue(!config.contains(absent), absent + " is not in the page's script");
        }
        HttpResponse<String> bundle = get(scripts.get(0));
        assertEquals(List.of(200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"),
                List.of(bundle.statusCode(), header(bundle, "Content-Type"), header(bundle, "Cache-Control")));
        assertTrue(bundle.body().contains("SwaggerUIBundle"));
    }

    @Test
    void everyAnswerUnderDocsIsASandboxWithTheSecurityHeaders() throws Exception {
        List<String> urls = List.copyOf(ApiDocs.load().urls());
        assertEquals(4, urls.size(), urls.toString());
        for (String url : urls) {
            HttpResponse<String> answer = get(url);
            assertEquals(List.of(200, CSP, "nosniff", "no-referrer", "cross-origin", "same-origin", "DENY"),
                    List.of(answer.statusCode(), header(answer, "Content-Security-Policy"),
                            header(answer, "X-Content-Type-Options"), header(answer, "Referrer-Policy"),
                            header(answer, "Cross-Origin-Resource-Policy"), header(answer, "Cross-Origin-Opener-Policy"),
                            header(answer, "X-Frame-Options")), url);
        }
    }

    @Test
    void theDocumentTheDocsReadAnswersTheSandboxesOpaqueOrigin() throws Exception {
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(uri.resolve("/openapi"))
                .header("Origin", "null").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(List.of(200, "application/yaml", "*", "nosniff", true),
                List.of(document.statusCode(), header(document, "Content-Type"),
                        header(document, "Access-Control-Allow-Origin"), header(document, "X-Content-Type-Options"),
                        document.body().startsWith("openapi: 3.")));
        assertTrue(document.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    }

    @Test
    void aQueryCannotPointTheDocsAtAnotherDocument() throws Exception {
        for (String target : List.of("/docs?url=https://attacker.example/api.yaml",
                "/docs?configUrl=https://attacker.example/config.json", "/docs?urls.primaryName=x")) {
            HttpResponse<String> refused = get(target);
            assertEquals(List.of(400, 109), List.of(refused.statusCode(), json(refused).path("code").asInt()), target);
        }
    }

    @Test
    void nothingButTheFourFilesIsServedUnderDocs() throws Exception {
        for (String target : List.of("/docs/", "/docs/index.html", "/docs/swagger-initializer.js",
                "/docs/vendor/swagger-ui/5.35.0/index.html", "/docs/vendor/swagger-ui/5.35.0/swagger-initializer.js",
                "/docs/vendor/swagger-ui/5.35.0/swagger-ui.js", "/docs/vendor/swagger-ui/5.35.0/oauth2-redirect.html",
                "/docs/docs.js", "/docs/%2e%2e/pom.xml", "/docs/..%2f..%2fpom.xml", "/docs/vendor/swagger-ui/5.35.0/%2e%2e/index.html",
                "/docs/META-INF/MANIFEST.MF", "/docs/fundexchange/apidocs/index.html")) {
            HttpResponse<String> refused = get(target);
            assertEquals(List.of(404, 107), List.of(refused.statusCode(), json(refused).path("code").asInt()), target);
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri.resolve("/docs"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(List.of(405, 124, "GET"), List.of(post.statusCode(), json(post).path("code").asInt(),
                header(post, "Allow")));
    }

    private HttpResponse<String> get(String target) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + uri.getHost() + ":" + uri.getPort() + target)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<String> answer, String name) {
        return answer.headers().firstValue(name).orElse("(none)");
    }

    private static JsonNode json(HttpResponse<String> answer) throws IOException {
        return new ObjectMapper().readTree(answer.body());
    }
}
