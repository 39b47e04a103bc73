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
import fundexchange.gateway.ReadLimits;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.Participant;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * The cap on waiting reads (docs/api.md, Read your writes): with its two registry places taken by reads waiting
     * for the next index, a third registry read is refused at once with 503 code 135, while a read of another source
     * still waits and a read whose index is reached is still answered; the write then answers every waiting read.
     */
    @Test
    void readsBeyondTheWaiterCapAreRefusedAtOnceAndTheWaitingOnesAreAnsweredByTheWrite() throws Exception {
        GatewayConfig capped = GatewayConfig.DEFAULTS.withMinIndexWaitMs(ApiMarket.MIN_INDEX_WAIT_MS)
                .withReads(new ReadLimits(2, ReadLimits.DEFAULT_READ_NONCES));
        try (Gateway gateway = market.gateway(capped);
             ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Participant regulator = market.regulatorOver(URI.create("http://127.0.0.1:" + gateway.port()));
            long next = market.position() + 1;
            List<Future<ClientResponse>> waiting = List.of(
                    readers.submit(() -> send(() -> regulator.client().withMinIndex(next).get("/funds/RY2"))),
                    readers.submit(() -> send(() -> regulator.client().withMinIndex(next).get("/funds"))),
                    readers.submit(() -> send(() -> regulator.client().withMinIndex(next).get("/feed"))));
            assertTrue(gateway.minIndexWaiters().awaitWaiting(3, Duration.ofMinutes(1)), "three reads wait");

            JsonNode refused = json(send(() -> regulator.client().withMinIndex(next).get("/participants")), 503);
            assertEquals(135, refused.path("code").asInt(), refused.toString());
            assertEquals("2 reads of the registry already wait for their minIndex; retry later",
                    refused.path("message").asText());
            assertEquals(List.of("code", "message", "requestId"), fieldNames(refused));
            assertEquals(200, regulator.get("/funds").status(), "a read whose index is reached takes no place");
            assertEquals(3, gateway.minIndexWaiters().waiting(), "nothing was answered before the write");

            Participant.Reply written = market.staff1.call(c -> c.registerFund("""
                    {"fundCode":"RY2","shortName":"Demo Fund RY2","manager":"Demo Capital Management","strategy":"GROWTH",
                     "vintage":2019,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"1.5000",
                     "navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""", rid())).ok();
            assertEquals(next, written.journalIndex());
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<ClientResponse> read : waiting) {
                statuses.add(read.get(ApiMarket.MIN_INDEX_WAIT_MS * 2, TimeUnit.MILLISECONDS).status());
            }
            assertEquals(List.of(200, 200, 200), statuses);
            assertEquals(regulator.get("/funds/RY2").ok().body(), JSON.readTree(waiting.getFirst().get().body()),
                    "the fund as registered, read before it was journaled");
            assertEquals(0, gateway.minIndexWaiters().waiting());
        }
    }

    /**
     * Signature, window, nonce and role are checked before a read may wait: a request that will be refused is refused
     * with its own code whether its minIndex is the next index (which it would otherwise wait for, up to
     * {@link ApiMarket#MIN_INDEX_WAIT_MS}, and then get 114) or far beyond the journal (which would get 114 at once).
     */
    @Test
    void aReadThatWillBeRefusedIsRefusedWithItsOwnCodeBeforeItWaitsForItsMinIndex(URI uri) {
        Participant forger = new Participant(uri, "Holder-01", "Holder-01-k1",
                KeyMaterial.generate(SignatureAlgorithm.ED25519), market.clock(), "api-forger");
        Participant stranger = new Participant(uri, "Holder-01", "Nobody-k9",
                KeyMaterial.generate(SignatureAlgorithm.ED25519), market.clock(), "api-stranger");
        for (long minIndex : List.of(market.position() + 1, market.position() + 1_000_000)) {
            JsonNode badSignature = json(send(() -> forger.client().withMinIndex(minIndex).get("/feed")), 401);
            assertEquals(102, badSignature.path("code").asInt(), minIndex + ": " + badSignature);
            JsonNode unknownKey = json(send(() -> stranger.client().withMinIndex(minIndex).get("/funds")), 401);
            assertEquals(103, unknownKey.path("code").asInt(), minIndex + ": " + unknownKey);
            for (String oversightRead : List.of("/participants", "/audit/records", "/engine/state", "/proposals")) {
                JsonNode forbidden = json(send(() -> market.holder.client().withMinIndex(minIndex).get(oversightRead)), 403);
                assertEquals(106, forbidden.path("code").asInt(), oversightRead + " at " + minIndex + ": " + forbidden);
            }
            JsonNode others = json(send(() -> market.holder.client().withMinIndex(minIndex).get("/participants/Holder-02")), 403);
            assertEquals("you may read only your own standing", others.path("message").asText());
        }
    }

    /** The read-nonce memory is bounded (docs/api-signing.md): full of nonces inside the window, it refuses with 136. */
    @Test
    void aGatewayWhoseReadNonceMemoryIsFullRefusesNewReadsWith503Code136() {
        try (Gateway gateway = market.gateway(GatewayConfig.DEFAULTS.withReads(new ReadLimits(1, 2, 8, 10_000, 0)))) {
            Participant regulator = market.regulatorOver(URI.create("http://127.0.0.1:" + gateway.port()));
            assertEquals(List.of(200, 200), List.of(regulator.get("/funds").status(), regulator.get("/feed").status()));
            JsonNode full = json(send(() -> regulator.client().get("/funds")), 503);
            assertEquals(136, full.path("code").asInt(), full.toString());
            assertEquals(List.of("code", "message", "requestId"), fieldNames(full));
            assertEquals(200, market.regulator.get("/funds").status(), "each gateway has its own memory");
        }
    }

    /**
     * The read-nonce memory is shared fairly (docs/api-signing.md): of four nonces, one participant holds two (then
     * 429 code 137, only it), the participants without a reserved place two together (then 503 code 136), and the two
     * kept for ACTIVE staff and regulators stay free for them.
     */
    @Test
    void aParticipantBeyondItsShareOfTheReadNonceMemoryGets429Code137AndStaffStillFindTheReservedRoom() {
        try (Gateway gateway = market.gateway(GatewayConfig.DEFAULTS.withReads(new ReadLimits(1, 4, 8, 5_000, 5_000)))) {
            URI other = URI.create("http://127.0.0.1:" + gateway.port());
            Participant flooder = market.newcomer(other, "Holder-71", "HOLDER", false);
            Participant bystander = market.newcomer(other, "Holder-72", "HOLDER", false);
            assertEquals(List.of(200, 200), List.of(flooder.get("/funds").status(), flooder.get("/feed").status()));
            JsonNode share = json(send(() -> flooder.client().get("/funds")), 429);
            assertEquals(137, share.path("code").asInt(), share.toString());
            assertEquals(List.of("code", "message", "requestId"), fieldNames(share));
            JsonNode full = json(send(() -> bystander.client().get("/funds")), 503);
            assertEquals(136, full.path("code").asInt(), "the unreserved half is full: " + full);
            assertEquals(List.of(200, 200), List.of(market.staffOver(other).get("/funds").status(),
                    market.regulatorOver(other).get("/funds").status()), "staff and regulators use the reserved half");
        }
    }

    /**
     * One participant's waiting reads are capped over every source (docs/api.md, Read your writes): its second read
     * waiting for the next index is refused at once with 429 code 138, while another participant's still waits.
     */
    @Test
    void aParticipantsReadsBeyondItsOwnWaiterCapAreRefusedWith429Code138() throws Exception {
        GatewayConfig capped = GatewayConfig.DEFAULTS.withMinIndexWaitMs(ApiMarket.MIN_INDEX_WAIT_MS)
                .withReads(new ReadLimits(256, ReadLimits.DEFAULT_READ_NONCES, 1, 10_000, 0));
        try (Gateway gateway = market.gateway(capped);
             ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            URI other = URI.create("http://127.0.0.1:" + gateway.port());
            Participant regulator = market.regulatorOver(other);
            Participant staff = market.staffOver(other);
            long next = market.position() + 1;
            Future<ClientResponse> first = readers.submit(() -> send(() -> regulator.client().withMinIndex(next).get("/funds")));
            assertTrue(gateway.minIndexWaiters().awaitWaiting(1, Duration.ofMinutes(1)), "the regulator's read waits");
            JsonNode refused = json(send(() -> regulator.client().withMinIndex(next).get("/feed")), 429);
            assertEquals(138, refused.path("code").asInt(), refused.toString());
            assertEquals("1 of your reads already wait for their minIndex; wait for their answers before sending more",
                    refused.path("message").asText());
            Future<ClientResponse> another = readers.submit(() -> send(() -> staff.client().withMinIndex(next).get("/funds")));
            assertTrue(gateway.minIndexWaiters().awaitWaiting(2, Duration.ofMinutes(1)), "staff's read still waits");
            market.staff1.call(c -> c.registerFund("""
                    {"fundCode":"RY3","shortName":"Demo Fund RY3","manager":"Demo Capital Management","strategy":"GROWTH",
                     "vintage":2019,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"1.5000",
                     "navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""", rid())).ok();
            assertEquals(List.of(200, 200), List.of(first.get(ApiMarket.MIN_INDEX_WAIT_MS * 2, TimeUnit.MILLISECONDS).status(),
                    another.get(ApiMarket.MIN_INDEX_WAIT_MS * 2, TimeUnit.MILLISECONDS).status()));
        }
    }

    /**
     * Standing is read again after the wait: a participant suspended by the very write its read waits for is answered
     * as suspended (403 code 140), not with what an ACTIVE participant reads.
     */
    @Test
    void aParticipantSuspendedWhileItsReadWaitsIsAnsweredAsSuspended() throws Exception {
        GatewayConfig config = GatewayConfig.DEFAULTS.withMinIndexWaitMs(ApiMarket.MIN_INDEX_WAIT_MS);
        try (Gateway gateway = market.gateway(config);
             ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Participant holder = market.newcomer(URI.create("http://127.0.0.1:" + gateway.port()), "Holder-73", "HOLDER",
                    false);
            assertEquals(200, holder.get("/funds").status(), "ACTIVE: it reads the funds");
            long proposal = market.staff1.post("/proposals", """
                    {"action":{"type":"SuspendParticipant","participantId":"Holder-73","reason":"screening"}}""")
                    .ok().sourceIndex();
            long suspension = proposal + 1;
            Future<ClientResponse> read = readers.submit(() -> send(() -> holder.client().withMinIndex(suspension)
                    .get("/funds")));
            assertTrue(gateway.minIndexWaiters().awaitWaiting(1, Duration.ofMinutes(1)), "the read waits");
            assertEquals(suspension, market.staff2.post("/proposals/" + proposal + "/approve", "{}").ok().sourceIndex());
            JsonNode answered = json(read.get(ApiMarket.MIN_INDEX_WAIT_MS * 2, TimeUnit.MILLISECONDS), 403);
            assertEquals(140, answered.path("code").asInt(), answered.toString());
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

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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
