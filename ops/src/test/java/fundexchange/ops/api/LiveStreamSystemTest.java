package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.rid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.AuctionListing;
import fundexchange.client.EventStream;
import fundexchange.client.SealedBidBody;
import fundexchange.gateway.stream.StreamHub;
import fundexchange.gateway.stream.StreamLimits;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /stream} on a real gateway (docs/api.md, Live stream). Heartbeats come only when the test calls
 * {@link StreamHub#tick()}, and a heartbeat's index vouches that every entry of the feed up to it was sent before it, so
 * absences are proven by journal index, never by waiting.
 */
@ServerTest
@Timeout(300)
class LiveStreamSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiMarket market;
    private static StreamHub hub;
    private static URI gateway;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("livestream", new ExchangeNode.Options(Duration.ofDays(1),
                ExchangeNode.Options.DEFAULTS.snapshotEvery()));
        hub = market.configure(builder, StreamLimits.DEFAULTS.manualHeartbeats().withCaps(2, 100));
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
    void aStreamCarriesWhatTheFeedCarriesWrittenAfterItOpenedAndItsHeartbeatVouchesForTheIndex() throws Exception {
        Participant holder = market.newcomer(gateway, "Holder-31", "HOLDER", false);
        try (EventStream stream = open(holder, 0)) {
            JsonNode opened = data(expect(stream, "open"));
            assertEquals(0, opened.path("cursor").asLong());
            assertEquals("Holder-31", opened.path("participant").asText());
            List<JsonNode> history = untilHeartbeat(stream, market.position());
            long cursor = history.getLast().path("cursor").asLong();

            market.registerFund("LS1", false);
            long deposit = market.staff1.post("/deposits", """
                    {"fundCode":"LS1","holder":"Holder-31","units":"5000.00","cost":"5000.00"}""").ok().journalIndex();
            List<JsonNode> live = untilHeartbeat(stream, deposit);

            JsonNode page = holder.get("/feed?after=" + cursor).ok().body();
            assertEquals(List.of(page), live.subList(0, live.size() - 1), "one page, as GET /feed answers it");
            assertEquals("UnitsDeposited", page.path("entries").path(0).path("data").path("type").asText());
            assertEquals(deposit, page.path("cursor").asLong());
            assertEquals(deposit, live.getLast().path("index").asLong(), "the heartbeat names the index it vouches for");
        }
    }

    @Test
    void aStreamResumedFromItsCursorMissesNothingAndRepeatsNothing() throws Exception {
        Participant holder = market.newcomer(gateway, "Holder-32", "HOLDER", false);
        market.registerFund("LS2", false);
        List<JsonNode> entries = new ArrayList<>();
        long cursor;
        try (EventStream first = open(holder, 0)) {
            expect(first, "open");
            market.deposit("LS2", holder);
            List<JsonNode> seen = untilHeartbeat(first, market.position());
            seen.subList(0, seen.size() - 1).forEach(page -> page.path("entries").forEach(entries::add));
            cursor = seen.getLast().path("cursor").asLong();
        }
        market.registerFund("LS3", false);
        market.deposit("LS3", holder);
        market.registerFund("LS4", false);
        market.deposit("LS4", holder);
        try (EventStream resumed = open(holder, cursor)) {
            assertEquals(cursor, data(expect(resumed, "open")).path("cursor").asLong());
            List<JsonNode> seen = untilHeartbeat(resumed, market.position());
            seen.subList(0, seen.size() - 1).forEach(page -> page.path("entries").forEach(entries::add));
        }
        List<JsonNode> whole = new ArrayList<>();
        holder.get("/feed?after=0&limit=1000").ok().body().path("entries").forEach(whole::add);
        assertEquals(whole, entries, "the two streams together are the whole feed, in order");
        assertEquals(List.of("LS2", "LS3", "LS4"), entries.stream().filter(e -> e.path("data").path("type").asText()
                .equals("UnitsDeposited")).map(e -> e.path("data").path("fundCode").asText()).toList());
    }

    @Test
    void anotherInvestorsSealedBidNeverReachesAnInvestorsStreamAndReachesTheSellerWithoutItsPrice() throws Exception {
        Participant seller = market.newcomer(gateway, "Holder-33", "HOLDER", false);
        long auction = openSealedAuction(seller, "LS5");
        try (EventStream investorStream = open(market.investor, market.position());
             EventStream sellerStream = open(seller, market.position())) {
            expect(investorStream, "open");
            expect(sellerStream, "open");
            long rival = market.investor2.call(c -> c.placeSealedBid(auction, SealedBidBody.random("1.7311"), rid()))
                    .ok().sourceIndex();
            long own = market.investor.call(c -> c.placeSealedBid(auction, SealedBidBody.random("1.2500"), rid()))
                    .ok().sourceIndex();
            String investorSaw = String.valueOf(untilHeartbeat(investorStream, own));
            String sellerSaw = String.valueOf(untilHeartbeat(sellerStream, own));

            assertFalse(investorSaw.contains("Investor-08"), investorSaw);
            assertFalse(investorSaw.contains("1.7311"), investorSaw);
            assertFalse(investorSaw.contains("\"sourceIndex\":" + rival + ","), "nothing of the rival's bid: " + investorSaw);
            assertTrue(investorSaw.contains("\"sourceIndex\":" + own + ","), "its own bid: " + investorSaw);
            assertTrue(investorSaw.contains("1.2500"), "its own price: " + investorSaw);
            assertTrue(sellerSaw.contains("\"sourceIndex\":" + rival + ","), "the seller hears of each bid: " + sellerSaw);
            assertFalse(sellerSaw.contains("1.7311") || sellerSaw.contains("1.2500"), "but no price: " + sellerSaw);
            assertFalse(sellerSaw.contains("Investor-0"), "and no bidder: " + sellerSaw);
        }
    }

    @Test
    void aRegulatorsStreamIsItsFeedEveryDocumentWithASealedBidsPriceAndNonceWithheld() throws Exception {
        long auction = openSealedAuction(market.newcomer(gateway, "Holder-37", "HOLDER", false), "LS6");
        long cursor = market.position();
        try (EventStream stream = open(market.regulator, cursor)) {
            assertEquals("Regulator-01", data(expect(stream, "open")).path("participant").asText());
            SealedBidBody body = SealedBidBody.random("1.6607");
            long bid = market.investor2.call(c -> c.placeSealedBid(auction, body, rid())).ok().sourceIndex();
            List<JsonNode> live = untilHeartbeat(stream, bid);
            long vouched = live.getLast().path("index").asLong();

            List<JsonNode> streamed = new ArrayList<>();
            live.subList(0, live.size() - 1).forEach(page -> page.path("entries").forEach(streamed::add));
            List<JsonNode> feed = new ArrayList<>();
            market.regulator.get("/feed?after=" + cursor + "&limit=1000").ok().body().path("entries").forEach(entry -> {
                if (entry.path("sourceIndex").asLong() <= vouched) feed.add(entry);
            });
            assertEquals(feed, streamed, "the regulator's stream is its feed: every document, shaped as GET /feed shapes it");
            JsonNode placed = streamed.stream().filter(e -> e.path("sourceIndex").asLong() == bid).findFirst()
                    .orElseThrow().path("data").path("events").path(0);
            assertEquals(List.of("SealedBidPlaced", "Investor-08"),
                    List.of(placed.path("type").asText(), placed.path("bidder").asText()), placed.toString());
            String saw = String.valueOf(streamed);
            assertFalse(saw.contains("1.6607") || saw.contains(body.nonce()), "no sealed price, no nonce: " + saw);
        }
    }

    @Test
    void theServerEndsAStreamWithCode162WhenItsKeyIsRevoked() throws Exception {
        Participant holder = market.newcomer(gateway, "Holder-34", "HOLDER", false);
        try (EventStream stream = open(holder, market.position())) {
            expect(stream, "open");
            untilHeartbeat(stream, market.position());
            holder.call(c -> c.revokeKey("Holder-34-k1", rid())).ok(); // (staff may not revoke a last key alone: 1031)
            hub.tick(); // a stream still open would answer this with a heartbeat

            JsonNode closed = data(expect(stream, "closed"));
            assertEquals(162, closed.path("code").asInt(), closed.toString());
            assertTrue(closed.path("message").asText().startsWith("key Holder-34-k1 is revoked"), closed.toString());
            assertTrue(stream.next().isEmpty(), "the server ended the stream");
        }
    }

    @Test
    void theServerEndsAStreamWithCode140WhenItsParticipantIsSuspendedAndASuspendedParticipantOpensNone() throws Exception {
        Participant holder = market.newcomer(gateway, "Holder-36", "HOLDER", false);
        try (EventStream stream = open(holder, market.position())) {
            expect(stream, "open");
            untilHeartbeat(stream, market.position());
            long proposal = market.staff1.post("/proposals", """
                    {"action":{"type":"SuspendParticipant","participantId":"Holder-36","reason":"sanctions screening hit"}}""")
                    .ok().sourceIndex();
            market.staff2.post("/proposals/" + proposal + "/approve", "{}").ok();
            hub.tick(); // a stream still open would answer this with a heartbeat

            JsonNode closed = data(expect(stream, "closed"));
            assertEquals(140, closed.path("code").asInt(), closed.toString());
            assertTrue(stream.next().isEmpty(), "the server ended the stream");
        }
        try (EventStream refused = open(holder, market.position())) {
            assertEquals(403, refused.status());
            assertEquals(140, JSON.readTree(refused.refusal()).path("code").asInt(), refused.refusal());
        }
    }

    @Test
    void aParticipantHoldsAtMostItsCapOfStreamsAndTheNextIsRefusedWith429Code160() throws Exception {
        Participant holder = market.newcomer(gateway, "Holder-35", "HOLDER", false);
        try (EventStream first = open(holder, 0); EventStream second = open(holder, 0)) {
            expect(first, "open");
            expect(second, "open");
            try (EventStream third = open(holder, 0)) {
                assertEquals(429, third.status());
                JsonNode refused = JSON.readTree(third.refusal());
                assertEquals(160, refused.path("code").asInt(), refused.toString());
                assertTrue(refused.path("message").asText().startsWith("you hold 2 open streams"), refused.toString());
            }
        }
    }

    @Test
    void aStreamTakesOnlyACanonicalCursor() throws Exception {
        for (String query : List.of("after=-1", "after=01", "after=x", "limit=5")) {
            var refused = market.holder.client().get("/stream?" + query);
            assertEquals(400, refused.status(), query + ": " + refused.body());
            assertEquals(109, JSON.readTree(refused.body()).path("code").asInt(), query + ": " + refused.body());
        }
    }

    /** A sealed auction of 3,000 units of a new fund {@code fund} held by {@code seller}, open for an hour. */
    private static long openSealedAuction(Participant seller, String fund) {
        market.fund(fund, seller);
        long now = market.clock().millis();
        long auction = seller.call(c -> c.listAuction(AuctionListing.sealed(fund, "3000.00", "1.0000",
                now, now + 3_600_000), rid())).ok().sourceIndex();
        market.staff2.post("/listings/" + auction + "/approve", "{}").ok();
        return auction;
    }

    private static EventStream open(Participant participant, long after) throws IOException, InterruptedException {
        return participant.client().stream(after, rid());
    }

    /** The next event, which must be named {@code name}. */
    private static EventStream.Event expect(EventStream stream, String name) throws IOException {
        EventStream.Event event = stream.next().orElseThrow(() -> new AssertionError("the stream ended before " + name));
        assertEquals(name, event.name(), event.toString());
        return event;
    }

    /**
     * Sends a heartbeat and reads the stream up to the first heartbeat whose index is at least {@code index}: every
     * {@code feed} page's data, then that heartbeat's.
     */
    private static List<JsonNode> untilHeartbeat(EventStream stream, long index) throws IOException {
        hub.tick();
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            EventStream.Event event = stream.next().orElseThrow(() -> new AssertionError("the stream ended: " + seen));
            JsonNode data = data(event);
            seen.add(data);
            if (event.name().equals("heartbeat")) {
                if (data.path("index").asLong() >= index) {
                    return seen;
                }
                seen.removeLast();
                hub.tick();
            } else {
                assertEquals("feed", event.name(), event.toString());
                assertEquals(data.path("cursor").asLong(), event.id().orElseThrow());
            }
        }
    }

    private static JsonNode data(EventStream.Event event) throws IOException {
        return JSON.readTree(event.data());
    }
}
