package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.ops.signer.SigningAgent;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An SM2 participant's requests, signed by the local signing agent ({@code exchange signer}) as the portal would have
 * it sign them, are accepted by a real gateway: a read answered and a write authenticated and decided by the engine.
 */
@ServerTest
@Timeout(120)
class SigningAgentSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiMarket market;
    private static URI gateway;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("signer");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        gateway = uri;
        market.onboard(uri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void requestsTheAgentSignedAfterItsSignerSaidYesPassTheGatewaysSignatureCheck() throws Exception {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        market.newcomer(gateway, "Holder-41", "HOLDER", false, keys);
        String portal = "http://localhost:" + gateway.getPort();
        String platform = market.holder.client().platformId();
        List<String> asked = new ArrayList<>();
        try (SigningAgent agent = SigningAgent.start(new SigningAgent.Identity("Holder-41", "Holder-41-k1", platform, portal),
                keys.getPrivate(), 0, question -> asked.add(question), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), market.clock())) {
            HttpResponse<String> read = send(agent, portal, "GET", "/holdings", "minIndex=" + market.position(), "", "agent-read-1");
            assertEquals(200, read.statusCode(), read.body());
            assertEquals(JSON.readTree("{\"holdings\":[]}"), JSON.readTree(read.body()));

            String listing = "{\"fundCode\":\"NOFUND\",\"buyer\":\"Investor-07\",\"units\":\"100.00\",\"price\":\"1.0000\"}";
            HttpResponse<String> write = send(agent, portal, "POST", "/listings", "", listing, "agent-write-1");
            assertEquals(409, write.statusCode(), "authenticated, and decided by the engine: " + write.body());
            assertTrue(JSON.readTree(write.body()).path("code").asInt() >= 1000, write.body());
            assertEquals(2, asked.size(), "the signer was asked once per request");
        }
    }

    /** Has the agent sign the request as the portal would, then sends it to the gateway with the agent's headers. */
    private static HttpResponse<String> send(SigningAgent agent, String portal, String method, String path, String query,
                                             String body, String clientRequestId) throws IOException, InterruptedException {
        String ask = JSON.writeValueAsString(Map.of("method", method, "path", path, "query", query, "body", body,
                "clientRequestId", clientRequestId, "timestamp", market.clock().millis()));
        HttpResponse<String> signed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/sign"))
                .header("Origin", portal).header(SigningAgent.TOKEN_HEADER, agent.token())
                .POST(HttpRequest.BodyPublishers.ofString(ask)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signed.statusCode(), signed.body());
        JsonNode headers = JSON.readTree(signed.body()).path("headers");
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path + (query.isEmpty() ? "" : "?" + query)))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.properties().forEach(header -> request.header(header.getKey(), header.getValue().asText()));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
