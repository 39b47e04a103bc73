package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.ops.NegotiatedTransferScript;
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
 * The participant lifecycle through the real gateway (issue 14): a suspension by maker-checker cancels the holder's
 * resting interest, refuses its new orders, and leaves it reading only its own standing and obligations, while its
 * pending trade still settles; reinstatement restores trading; a PENDING participant reads only its own standing.
 */
@ServerTest
class ParticipantStandingSystemTest {
    private static ApiMarket market;
    private static URI uri;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("standing");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) {
        uri = serverUri;
        market.onboard(serverUri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void aSuspendedHolderIsRefusedNewOrdersAndReadsOnlyItsOwnStandingAndObligationsUntilReinstated() {
        Participant holder = market.holder2;
        market.fund("SP1", holder);
        market.staff1.post("/books/SP1/open", """
                {"lotUnits":"100.00"}""").ok();
        long order = holder.post("/orders", """
                {"fundCode":"SP1","side":"SELL","units":"500.00","price":"1.6000"}""").ok().sourceIndex();
        long offer = holder.post("/offers", """
                {"fundCode":"SP1","units":"1000.00","minLot":"100.00","askPrice":"1.5000","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();
        long listing = holder.post("/listings", """
                {"fundCode":"SP1","buyer":"Investor-07","units":"200.00","price":"1.5000"}""").ok().sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        long trade = NegotiatedTransferScript.eventOfType(market.investor.post("/listings/" + listing + "/accept", "{}").ok(),
                "TradeExecuted").path("tradeId").asLong();

        long proposal = market.staff1.post("/proposals", """
                {"action":{"type":"SuspendParticipant","participantId":"Holder-02","reason":"sanctions screening hit"}}""")
                .ok().sourceIndex();
        JsonNode suspension = market.staff2.post("/proposals/" + proposal + "/approve", "{}").ok().body().path("events");
        assertEquals(List.of("ProposalApproved", "ParticipantSuspended", "OrderCancelled", "OfferClosed"),
                texts(suspension, "type"));
        assertEquals(List.of(order, offer), List.of(suspension.get(2).path("orderId").asLong(),
                suspension.get(3).path("offerId").asLong()));
        assertEquals(List.of(1030, 1030), List.of(suspension.get(2).path("rejectCode").asInt(),
                suspension.get(3).path("rejectCode").asInt()));

        Participant.Reply refused = holder.post("/orders", """
                {"fundCode":"SP1","side":"SELL","units":"100.00","price":"1.6000"}""");
        assertEquals(List.of(409, 1030), List.of(refused.status(), refused.body().path("code").asInt()),
                refused.body().toString());

        JsonNode standing = holder.get("/participants/Holder-02").ok().body();
        assertEquals(List.of("SUSPENDED", "sanctions screening hit"), List.of(standing.path("status").asText(),
                standing.path("statusReason").asText()));
        JsonNode holding = holder.get("/holdings").ok().body().path("holdings").get(0);
        assertEquals(List.of("SP1", "1000000.00", "200.00"), List.of(holding.path("fundCode").asText(),
                holding.path("units").asText(), holding.path("locked").asText()), "only the pending trade's lot stays locked");
        List<String> reasons = holder.get("/feed?limit=1000").ok().body().path("entries").findParents("type").stream()
                .filter(data -> data.path("type").asText().equals("ParticipantSuspended"))
                .map(data -> data.path("reason").asText()).toList();
        assertEquals(List.of("sanctions screening hit"), reasons, "its feed says why");
        for (String path : List.of("/listings", "/offers", "/funds", "/orders", "/participants/Holder-01")) {
            Participant.Reply reply = holder.get(path);
            int expected = path.startsWith("/participants") ? 106 : 140;
            assertEquals(List.of(403, expected), List.of(reply.status(), reply.body().path("code").asInt()), path + ": " + reply.body());
            assertEquals(List.of("code", "message", "requestId"), List.copyOf(ApiMarket.fields(reply.body())), path);
        }

        market.staff1.post("/trades/" + trade + "/settle", "{}").ok();
        JsonNode transfers = holder.get("/transfers").ok().body().path("transfers");
        assertEquals(List.of("SETTLED"), texts(transfers, "status"), "what it owes still completes");

        market.script.approve("""
                {"type":"ReinstateParticipant","participantId":"Holder-02","reason":"cleared"}""");
        assertEquals("ACTIVE", holder.get("/participants/Holder-02").ok().body().path("status").asText());
        assertEquals(200, holder.get("/listings").status());
        holder.post("/orders", """
                {"fundCode":"SP1","side":"SELL","units":"100.00","price":"1.6000"}""").ok();
    }

    @Test
    void aPendingParticipantReadsOnlyItsOwnStanding() {
        Participant newcomer = market.pending(uri, "Holder-05", "HOLDER");
        assertEquals("PENDING", newcomer.get("/participants/Holder-05").ok().body().path("status").asText());
        assertEquals(200, newcomer.get("/participants/Holder-05/qualification").status());
        for (String path : List.of("/holdings", "/transfers", "/feed", "/funds", "/listings")) {
            Participant.Reply reply = newcomer.get(path);
            assertEquals(List.of(403, 141), List.of(reply.status(), reply.body().path("code").asInt()), path + ": " + reply.body());
        }
        Participant.Reply write = newcomer.post("/offers", """
                {"fundCode":"SP9","units":"100.00","minLot":"100.00","askPrice":"1.5000","visibility":"QUALIFIED_ONLY"}""");
        assertEquals(List.of(409, 1007), List.of(write.status(), write.body().path("code").asInt()),
                write.body().toString());
    }
}
