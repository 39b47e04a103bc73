package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.longs;
import static fundexchange.ops.api.ApiMarket.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.client.AuctionListing;
import fundexchange.journal.RequestRoute;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A regulator over signed HTTP (issue 6): reads everything every role did, whole, with the audit trail; writes
 * nothing but its own keys; and, like everyone, sees no sealed bid's price before the close (CONTRACTS.md 12).
 */
@ServerTest
class RegulatorApiSystemTest {
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("regulatorapi");
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
    void regulatorReadsWhatEveryRoleDidWholeAndTheAuditTrail() {
        market.fund("RG1", market.holder);
        long offerId = market.holder.post("/offers", """
                {"fundCode":"RG1","units":"40000.00","minLot":"1000.00","askPrice":"1.2000","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();
        long quoteId = market.investor.post("/offers/" + offerId + "/quotes", """
                {"price":"1.1000","units":"2000.00"}""").ok().sourceIndex();
        long intentId = market.investor2.post("/intents", """
                {"fundCodes":["RG1"],"minAmount":"0.00","maxAmount":"6000.00","maxPercentOfNavBasisPoints":9000}""")
                .ok().sourceIndex();
        market.staff1.post("/books/RG1/open", "{\"lotUnits\":\"100.00\"}").ok();
        long orderId = market.investor.post("/orders", """
                {"fundCode":"RG1","side":"BUY","units":"1000.00","price":"1.0000"}""").ok().sourceIndex();
        long proposalId = market.staff1.post("/proposals", """
                {"action":{"type":"SetQualification","participantId":"Investor-09","status":"QUALIFIED","validUntil":"2030-01-01"}}""")
                .ok().sourceIndex();
        Participant regulator = market.regulator;

        JsonNode offer = regulator.get("/offers/" + offerId).ok().body();
        assertEquals(List.of("Holder-01", "1.2000", "QUALIFIED_ONLY"), List.of(offer.path("holder").asText(),
                offer.path("askMultipleOfCost").asText(), offer.path("visibility").asText()));
        JsonNode quote = regulator.get("/quotes/" + quoteId).ok().body();
        assertEquals(List.of("Holder-01", "Investor-07", "OPEN", "HOLDER"), List.of(quote.path("holder").asText(),
                quote.path("investor").asText(), quote.path("status").asText(), quote.path("turn").asText()));
        assertEquals("Investor-08", regulator.get("/intents/" + intentId).ok().body().path("investor").asText());
        JsonNode match = regulator.call(c -> c.matches("status=PROPOSED")).ok().body().path("matches").path(0);
        assertEquals(List.of(offerId, intentId), List.of(match.path("offerId").asLong(), match.path("intentId").asLong()));
        assertEquals("Investor-08", match.path("investor").asText());
        assertEquals(List.of(orderId), longs(regulator.get("/orders?fund=RG1").ok().body().path("orders"), "orderId"));
        assertEquals("Investor-07", regulator.get("/orders/" + orderId).ok().body().path("owner").asText());
        assertEquals("{\"asks\":[],\"bids\":[{\"orders\":1,\"price\":\"1.0000\",\"units\":\"1000.00\"}],"
                + "\"fundCode\":\"RG1\",\"lotUnits\":\"100.00\",\"status\":\"OPEN\"}",
                regulator.get("/books/RG1").ok().body().toString());
        JsonNode pending = regulator.get("/proposals?status=PENDING").ok().body().path("proposals");
        assertEquals(List.of(proposalId), longs(pending, "proposalId"));
        assertEquals("QUALIFIED", pending.path(0).path("action").path("status").asText());
        assertEquals("NOT_QUALIFIED", regulator.get("/participants/Investor-09/qualification").ok().body()
                .path("qualification").asText());
        assertEquals(List.of("Holder-01"), texts(regulator.get("/funds/RG1/register").ok().body().path("holdings"), "holder"));
        assertTrue(regulator.get("/engine/state").ok().body().path("stateHash").asText().length() == 64);

        JsonNode records = regulator.call(c -> c.auditRecords("participant=Holder-01&fund=RG1")).ok().body();
        assertEquals(List.of("PostOffer"), texts(records.path("records"), "commandType"));
        assertEquals(offerId, records.path("records").path(0).path("sourceIndex").asLong());
        assertTrue(regulator.call(c -> c.auditKeys()).ok().body().path("participants").size() >= 8);
        assertEquals(200, regulator.raw("/audit/bundle").status());
        assertEquals(403, market.holder.get("/audit/records").status());
    }

    @Test
    void regulatorIsRefusedEveryWriteButItsOwnKeys() {
        // Its own keys, and opening a data-room document: a read that is journaled so the access log is complete.
        Set<String> ownKeys = Set.of("RotateKey", "RevokeKey", "OpenDocument");
        List<String> allowed = new ArrayList<>();
        for (RequestRoute route : RequestRoute.ALL) {
            String path = route.path().replaceAll("\\{[^}]+}", "1");
            Participant.Reply reply = market.regulator.post(path, "{}");
            if (reply.status() != 403) {
                allowed.add(route.commandType() + " " + reply.status());
            }
        }
        assertEquals(List.of(), allowed.stream().filter(a -> !ownKeys.contains(a.split(" ")[0])).toList());
        assertEquals(403, market.regulator.post("/ops/snapshot", "{}").status());
        assertEquals(403, market.regulator.post("/ops/clock/acknowledge", "{}").status());
    }

    @Test
    void sealedBidPricesReachNobodyBeforeTheCloseAndEveryoneWhoMaySeeAfter() throws InterruptedException {
        market.fund("RS1", market.holder);
        long now = market.clock().millis();
        long auction = market.holder.call(c -> c.listAuction(AuctionListing.sealed("RS1", "3000.00", "1.2000",
                now, now + 8_000), "rs1-sealed")).ok().sourceIndex();
        market.staff2.post("/listings/" + auction + "/approve", "{}").ok();
        long low = market.investor.call(c -> c.placeSealedBid(auction, "1.4141", "rs1-low")).ok().sourceIndex();
        long high = market.investor2.call(c -> c.placeSealedBid(auction, "1.4242", "rs1-high")).ok().sourceIndex();

        for (Participant viewer : List.of(market.regulator, market.staff1, market.holder, market.investor)) {
            String bids = viewer.get("/listings/" + auction + "/bids").ok().body().toString()
                    + viewer.get("/bids?listing=" + auction).ok().body().toString();
            assertFalse(bids.contains("1.4141") || bids.contains("1.4242"), viewer.id() + " sees a sealed price: " + bids);
        }
        assertEquals(List.of(low, high), longs(market.regulator.get("/bids?listing=" + auction).ok().body().path("bids"), "bidId"));
        assertEquals(List.of("Investor-07", "Investor-08"), texts(market.regulator.get("/listings/" + auction + "/bids")
                .ok().body().path("bids"), "bidder"));

        market.awaitClockPast(now + 8_000);
        Participant.Reply late = market.investor2.call(c -> c.placeSealedBid(auction, "1.5000", "rs1-late"));
        assertEquals(List.of(409, 4003), List.of(late.status(), late.body().path("code").asInt()),
                "journaled after the deadline, so after the close: " + late.body());
        assertEquals("EXECUTED", market.regulator.get("/listings/" + auction).ok().body().path("status").asText());
        JsonNode closed = market.regulator.call(c -> c.ownBids("listing=" + auction)).ok().body().path("bids");
        assertEquals(List.of("1.4141", "1.4242"), texts(closed, "price"));
        assertEquals(List.of("LOST", "WON"), texts(closed, "status"));
        assertEquals(List.of("1.4141"), texts(market.investor.get("/bids?listing=" + auction).ok().body().path("bids"), "price"));
        assertEquals("1.4242", market.holder.get("/listings/" + auction).ok().body().path("tradePrice").asText());
    }
}
