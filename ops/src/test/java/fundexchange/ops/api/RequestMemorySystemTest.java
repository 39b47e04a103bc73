package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 3: the idempotency memory is bounded, and at its bound a new write is answered 503 with the
 * engine's code 1012 in the one error shape, takes no effect and is not remembered, rather than any id being
 * forgotten early; a remembered id is still answered as the original.
 */
@ServerTest
class RequestMemorySystemTest {
    private static final int PER_GENERATION = 1000 / 5;
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("requestmemory");
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

    private static String newcomer(int n) {
        return "{\"participantId\":\"Holder-M%d\",\"name\":\"Demo Holder M%d\",\"participantType\":\"INSTITUTION\",\"roles\":[\"HOLDER\"]}"
                .formatted(n, n);
    }

    @Test
    void aFullRequestMemoryAnswers503WithItsCodeAndTheWriteTakesNoEffect() {
        Participant.Reply first = market.staff1.post("/participants", newcomer(0), "memory-first");
        assertEquals(200, first.status(), first.body().toString());
        market.script.approve("{\"type\":\"SetPlatformParameter\",\"name\":\"request-memory-participant-share-bp\",\"value\":\"10000\"}");
        market.script.approve("{\"type\":\"SetPlatformParameter\",\"name\":\"request-memory-capacity\",\"value\":\"1000\"}");

        Participant.Reply full = null;
        int n = 1;
        // One participant may take a whole generation (share 10000 bp), staff the oversight reserve too.
        // The open generation holds at most 200 ids from now; a generation boundary (every 5 min of journal time)
        // during the loop opens another of 200, so 2 x 200 writes reach the bound whatever the clock.
        for (; n <= 2 * PER_GENERATION + 1 && full == null; n++) {
            Participant.Reply reply = market.staff1.post("/participants", newcomer(n));
            if (reply.status() != 200) {
                full = reply;
            }
        }
        assertNotNull(full, "the bound was reached");
        assertEquals(503, full.status(), full.body().toString());
        assertEquals(List.of("code", "message", "requestId"), fieldNames(full));
        assertEquals(1012, full.body().path("code").asInt());
        assertEquals("the request memory is full (request-memory-capacity): nothing was done; retry later with the same"
                + " clientRequestId", full.body().path("message").asText());

        assertEquals(404, market.staff1.get("/participants/Holder-M" + (n - 1)).status(), "the refused write took no effect");
        Participant.Reply repeat = market.staff1.post("/participants", newcomer(0), "memory-first");
        assertEquals(List.of(200, first.body()), List.of(repeat.status(), repeat.body()), "a remembered id is answered as before");
    }

    private static List<String> fieldNames(Participant.Reply reply) {
        List<String> names = new java.util.ArrayList<>();
        reply.body().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
