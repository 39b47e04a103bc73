package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.rid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ClientResponse;
import fundexchange.gateway.Gateway;
import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read your writes (docs/api.md): a write's answer carries its journal index, and a read with that index as
 * {@code minIndex} waits until its source has applied it, or answers 503 with code 114 when it does not in time.
 * Nothing journals here but the test's own writes (no deadlines, no checkpoint within a day), so the next write's index
 * is known before it is sent.
 */
@ServerTest
class ReadYourWritesSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("readwrites", new ExchangeNode.Options(Duration.ofDays(1),
                ExchangeNode.Options.DEFAULTS.snapshotEvery()));
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        market.onboard(uri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void aReadForAnIndexNotYetJournaledWaitsForItAndAnswersWhatItWrote() throws Exception {
        long next = market.position() + 1;
        CompletableFuture<ClientResponse> read = CompletableFuture.supplyAsync(
                () -> send(() -> market.investor.client().withMinIndex(next).fund("RY1")));
        Participant.Reply written = market.staff1.call(c -> c.registerFund("""
                {"fundCode":"RY1","shortName":"Demo Fund RY1","manager":"Demo Capital Management","strategy":"GROWTH",
                 "vintage":2019,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"1.5000",
                 "navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""", rid())).ok();

        assertEquals(next, written.journalIndex(), "the answer's X-Journal-Index is the write's own index");
        assertEquals(next, written.sourceIndex());
        ClientResponse answered = read.get(ApiMarket.MIN_INDEX_WAIT_MS * 2, TimeUnit.MILLISECONDS);
        assertEquals(200, answered.status(), answered.body());
        assertEquals(market.investor.get("/funds/RY1").ok().body(), JSON.readTree(answered.body()),
                "the fund as registered, read before it was journaled");
    }

    @Test
    void aReadWhoseSourceDoesNotReachItsMinIndexInTimeAnswers503WithCode114() {
        try (Gateway quick = market.gateway(GatewayConfig.DEFAULTS.withMinIndexWaitMs(100))) {
            Participant regulator = market.regulatorOver(URI.create("http://127.0.0.1:" + quick.port()));
            long far = market.position() + 1_000_000;
            for (String read : List.of("/funds", "/feed", "/audit/records", "/engine/state")) {
                JsonNode refused = json(send(() -> regulator.client().withMinIndex(far).get(read)), 503);
                assertEquals(114, refused.path("code").asInt(), read + ": " + refused);
                assertTrue(refused.path("message").asText().contains("did not reach minIndex " + far), refused.toString());
                assertFalse(refused.path("requestId").asText().isEmpty());
            }
            assertEquals(200, regulator.get("/funds").status(), "the cast's own position is reached");
        }
    }

    @Test
    void aMalformedOrRepeatedMinIndexIsRefusedWith400NamingIt() {
        Participant regulator = market.regulator;
        for (String query : List.of("minIndex=-1", "minIndex=01", "minIndex=%2B1", "minIndex=1e3", "minIndex=",
                "minIndex=9223372036854775808", "limit=5&minIndex=x")) {
            JsonNode refused = json(send(() -> regulator.client().get("/proposals?" + query)), 400);
            assertEquals(109, refused.path("code").asInt(), query + ": " + refused);
            assertTrue(refused.path("message").asText().startsWith("minIndex "), query + ": " + refused);
        }
        JsonNode repeated = json(send(() -> regulator.client().get("/proposals?minIndex=1&minIndex=2")), 400);
        assertEquals(123, repeated.path("code").asInt(), "a repeated parameter, as every other: " + repeated);
        JsonNode operation = json(send(() -> market.staff1.client().send("POST", "/ops/snapshot?minIndex=1",
                "{}".getBytes(StandardCharsets.UTF_8), rid())), 400);
        assertTrue(operation.path("message").asText().startsWith("minIndex "), operation.toString());
        assertEquals(200, send(() -> regulator.client().get("/proposals?minIndex=0&limit=5")).status(),
                "minIndex 0 is reached at once");
    }

    private static JsonNode json(ClientResponse response, int status) {
        assertEquals(status, response.status(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request of the client library. */
    @FunctionalInterface
    private interface Request {
        ClientResponse send() throws IOException, InterruptedException;
    }

    private static ClientResponse send(Request request) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
