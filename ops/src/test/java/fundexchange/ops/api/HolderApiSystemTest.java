package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.DIGEST;
import static fundexchange.ops.api.ApiMarket.event;
import static fundexchange.ops.api.ApiMarket.fields;
import static fundexchange.ops.api.ApiMarket.longs;
import static fundexchange.ops.api.ApiMarket.rid;
import static fundexchange.ops.api.ApiMarket.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.client.AuctionListing;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A holder's capabilities over signed HTTP (issue 6): custody and holding confirmation, listings with every mechanism,
 * non-listed offers and the quotes on them, brokered proposals, its holdings, listings and trades; and that it learns
 * a counterparty only at the trade.
 */
@ServerTest
class HolderApiSystemTest {
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("holderapi");
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
    void holderReadsQuotesUnderPseudonymsAndLearnsTheInvestorAtTheTrade() {
        Participant holder = market.holder;
        market.fund("HQ1", holder);
        long offerId = holder.call(c -> c.postOffer("HQ1", "100000.00", "1000.00", "1.2000", "PUBLIC_TEASER",
                Optional.empty(), rid())).ok().sourceIndex();
        long first = market.investor.call(c -> c.submitQuote(offerId, "1.1000", "10000.00", rid())).ok().sourceIndex();
        long second = market.investor2.post("/offers/" + offerId + "/quotes", """
                {"price":"1.0500","units":"5000.00"}""").ok().sourceIndex();

        JsonNode onOffer = holder.call(c -> c.offerQuotes(offerId, "")).ok().body().path("quotes");
        assertEquals(List.of(first, second), longs(onOffer, "quoteId"));
        assertEquals(List.of("P1", "P2"), texts(onOffer, "investor"));
        assertEquals(List.of("1.1000", "1.0500"), texts(onOffer, "price"));
        assertFalse(onOffer.toString().contains("Investor-0"), "no investor id before the trade: " + onOffer);
        assertEquals(onOffer, holder.get("/quotes?offer=" + offerId).ok().body().path("quotes"));

        holder.call(c -> c.counterQuote(first, "1.1500", "10000.00", rid())).ok();
        assertEquals(409, holder.post("/quotes/" + first + "/accept", "{}").status(), "the investor's turn");
        long tradeId = event(market.investor.call(c -> c.acceptQuote(first, rid())).ok(), "TradeExecuted")
                .path("tradeId").asLong();
        holder.call(c -> c.declineQuote(second, rid())).ok();

        JsonNode accepted = holder.call(c -> c.quote(first)).ok().body();
        assertEquals(List.of("ACCEPTED", "Investor-07", "Holder-01", "1.1500", "INVESTOR"), List.of(
                accepted.path("status").asText(), accepted.path("investor").asText(), accepted.path("holder").asText(),
                accepted.path("price").asText(), accepted.path("closedBy").asText()));
        assertEquals(List.of("INVESTOR", "HOLDER"), texts(accepted.path("history"), "side"));
        JsonNode declined = holder.get("/quotes/" + second).ok().body();
        assertEquals(List.of("DECLINED", "P2", "HOLDER"), List.of(declined.path("status").asText(),
                declined.path("investor").asText(), declined.path("closedBy").asText()));
        JsonNode offer = holder.get("/offers/" + offerId).ok().body();
        assertEquals(List.of("Holder-01", "100000.00", "90000.00", "1.2000", "OPEN"), List.of(offer.path("holder").asText(),
                offer.path("units").asText(), offer.path("remaining").asText(), offer.path("askMultipleOfCost").asText(),
                offer.path("status").asText()));
        JsonNode trade = holder.get("/transfers").ok().body().path("transfers");
        assertEquals(List.of(tradeId), longs(trade, "tradeId").stream().filter(id -> id == tradeId).toList());
        assertEquals(404, market.holder2.get("/quotes/" + first).status(), "another holder's quote");
        assertEquals(0, market.holder2.get("/offers/" + offerId + "/quotes").ok().body().path("quotes").size());
        holder.call(c -> c.withdrawOffer(offerId, rid())).ok();
        assertEquals("WITHDRAWN", holder.get("/offers/" + offerId).ok().body().path("status").asText());
        assertEquals("10000.00", holdingOf(holder, "HQ1").path("locked").asText(),
                "the withdrawal unlocks the rest; the traded lot stays locked until settlement");
    }

    @Test
    void holderListsWithEveryMechanismAndReadsItsOwnListings() {
        Participant holder = market.holder;
        market.fund("HL1", holder);
        long negotiated = holder.call(c -> c.listNegotiated("HL1", "Investor-07", "1000.00", "1.4000", Optional.empty(),
                rid())).ok().sourceIndex();
        long now = market.clock().millis();
        long english = holder.call(c -> c.listAuction(AuctionListing.english("HL1", "2000.00", "1.3000", "0.0100",
                now, now + 3_600_000), "hl1-english")).ok().sourceIndex();
        long sealed = holder.call(c -> c.listAuction(AuctionListing.sealed("HL1", "3000.00", "1.2000",
                now, now + 3_600_000), "hl1-sealed")).ok().sourceIndex();

        JsonNode mine = holder.get("/listings?fund=HL1").ok().body().path("listings");
        assertEquals(List.of(negotiated, english, sealed), longs(mine, "listingId"));
        assertEquals(List.of("NEGOTIATED", "ENGLISH", "SEALED"), texts(mine, "mechanism"));
        assertEquals(List.of("PENDING_APPROVAL", "PENDING_APPROVAL", "PENDING_APPROVAL"), texts(mine, "status"));
        assertEquals(List.of("Holder-01", "Holder-01", "Holder-01"), texts(mine, "seller"));
        assertEquals(404, market.holder2.get("/listings/" + negotiated).status(), "another holder's pending listing");
        assertEquals(404, market.investor.get("/listings/" + negotiated).status(), "not offered before staff open it");

        holder.call(c -> c.withdrawListing(english, rid())).ok();
        market.staff2.call(c -> c.approveListing(negotiated, rid())).ok();
        long tradeId = event(market.investor.call(c -> c.acceptListing(negotiated, rid())).ok(), "TradeExecuted")
                .path("tradeId").asLong();
        market.staff1.call(c -> c.confirmSettlement(tradeId, rid())).ok();

        assertEquals(List.of("EXECUTED", "CANCELLED", "PENDING_APPROVAL"),
                texts(holder.get("/listings?fund=HL1").ok().body().path("listings"), "status"));
        JsonNode holding = holdingOf(holder, "HL1");
        assertEquals(List.of("999000.00", "3000.00"), List.of(holding.path("units").asText(), holding.path("locked").asText()));
        JsonNode settled = holder.get("/transfers").ok().body().path("transfers");
        assertEquals(List.of("SETTLED"), settled.findParents("tradeId").stream()
                .filter(t -> t.path("tradeId").asLong() == tradeId).map(t -> t.path("status").asText()).toList());
    }

    @Test
    void holderAcceptsABrokeredProposalSeeingTheInvestorOnlyAsAPseudonymUntilAgreed() {
        Participant holder = market.holder;
        market.fund("HM1", holder);
        long intentId = market.investor.post("/intents", """
                {"fundCodes":["HM1"],"minAmount":"0.00","maxAmount":"30000.00","maxPercentOfNavBasisPoints":9000}""")
                .ok().sourceIndex();
        long offerId = holder.post("/offers", """
                {"fundCode":"HM1","units":"50000.00","minLot":"1000.00","askPrice":"1.2000","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();
        JsonNode proposed = market.staff1.get("/matches?status=PROPOSED").ok().body().path("matches").findParents("matchId")
                .stream().filter(m -> m.path("offerId").asLong() == offerId).findFirst().orElseThrow();
        long matchId = proposed.path("matchId").asLong();
        assertEquals(List.of(intentId, 1L), List.of(proposed.path("intentId").asLong(), proposed.path("rank").asLong()));
        assertEquals(404, holder.get("/matches/" + matchId).status(), "a proposal is staff's until brokered");

        market.staff2.call(c -> c.brokerMatch(matchId, Optional.empty(), Optional.empty(), rid())).ok();
        JsonNode seen = holder.call(c -> c.match(matchId)).ok().body();
        assertEquals(Set.of("matchId", "offerId", "fundCode", "holder", "investor", "investorPseudonym", "units", "price",
                "percentOfNavBasisPoints", "status", "holderAccepted", "investorAccepted", "brokeredIndex"), fields(seen),
                "no intent, rank, surplus, amount or brokering staff member for the holder");
        assertEquals(List.of("P1", "BROKERED", "25000.00"), List.of(seen.path("investor").asText(),
                seen.path("status").asText(), seen.path("units").asText()));
        assertEquals(List.of(matchId), longs(holder.get("/matches").ok().body().path("matches"), "matchId"));

        holder.call(c -> c.acceptMatch(matchId, rid())).ok();
        event(market.investor.call(c -> c.acceptMatch(matchId, rid())).ok(), "MatchAgreed");
        JsonNode agreed = holder.get("/matches/" + matchId).ok().body();
        assertEquals(List.of("AGREED", "Investor-07", "Holder-01"), List.of(agreed.path("status").asText(),
                agreed.path("investor").asText(), agreed.path("holder").asText()));
        assertEquals("25000.00", holder.get("/offers/" + offerId).ok().body().path("remaining").asText());
    }

    @Test
    void holderSubmitsCustodyAndConfirmsItsOwnLine() {
        market.registerFund("HC1", false);
        long custodyId = market.holder.post("/custody", """
                {"fundCode":"HC1","documentDigest":"%s","entries":[
                 {"holder":"Holder-01","units":"7000.00","subscribed":"7000.00","paidIn":"3500.00"},
                 {"holder":"Holder-02","units":"3000.00","subscribed":"3000.00","paidIn":"1500.00"}]}""".formatted(DIGEST))
                .ok().sourceIndex();
        assertEquals(403, market.holder.post("/custody/" + custodyId + "/approve", "{}").status());
        market.staff2.call(c -> c.approveCustody(custodyId, rid())).ok();
        market.holder.call(c -> c.confirmHolding(custodyId, rid())).ok();

        JsonNode registration = market.holder2.call(c -> c.custody(custodyId)).ok().body();
        assertEquals(List.of("APPROVED", false, false), List.of(registration.path("status").asText(),
                registration.has("submittedBy"), registration.has("decidedBy")), "not who submitted or decided it");
        assertEquals(List.of("Holder-02"), texts(registration.path("entries"), "holder"), "only its own line");
        assertEquals(List.of("7000.00", "0.00"), List.of(holdingOf(market.holder, "HC1").path("available").asText(),
                holdingOf(market.holder, "HC1").path("unconfirmed").asText()));
        assertEquals("3000.00", holdingOf(market.holder2, "HC1").path("unconfirmed").asText());
        assertEquals(404, market.investor.get("/custody/" + custodyId).status());
    }

    @Test
    void holderIsRefusedStaffAndInvestorCapabilitiesAndOtherPeoplesData() {
        Participant holder = market.holder;
        assertEquals(403, holder.get("/proposals").status());
        assertEquals(403, holder.post("/matches/1/broker", "{}").status());
        assertEquals(403, holder.post("/offers/1/quotes", "{\"price\":\"1.0000\",\"units\":\"100.00\"}").status());
        assertEquals(403, holder.post("/intents", "{}").status());
        assertEquals(403, holder.get("/participants/Investor-07").status());
        assertEquals(0, holder.get("/intents").ok().body().path("intents").size());
        assertEquals(0, holder.get("/bids").ok().body().path("bids").size());
        assertEquals(400, holder.get("/offers?colour=blue").status());
        assertEquals(400, holder.get("/quotes?status=WON").status());
    }

    private static JsonNode holdingOf(Participant participant, String fundCode) {
        return participant.get("/holdings").ok().body().path("holdings").findParents("fundCode").stream()
                .filter(h -> h.path("fundCode").asText().equals(fundCode)).findFirst().orElseThrow();
    }
}
