package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.fields;
import static fundexchange.ops.api.ApiMarket.longs;
import static fundexchange.ops.api.ApiMarket.rid;
import static fundexchange.ops.api.ApiMarket.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.client.AuctionListing;
import fundexchange.ops.Participant;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.money.Price;
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
 * An investor's capabilities over signed HTTP (issue 6): the offers and listings visible to it, quotes, intents, bids,
 * book orders, its positions and trades; and never another investor's intents, quotes, orders or bids, nor a holder's
 * identity before the trade (CONTRACTS.md 12).
 */
@ServerTest
class InvestorApiSystemTest {
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("investorapi");
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
    void investorSeesOfferTeasersByVisibilityAndOnlyItsOwnQuotes() {
        market.fund("IQ1", market.holder);
        long teaser = market.holder.post("/offers", """
                {"fundCode":"IQ1","units":"20000.00","minLot":"1000.00","askPrice":"1.3000","visibility":"PUBLIC_TEASER"}""")
                .ok().sourceIndex();
        long qualifiedOnly = market.holder.post("/offers", """
                {"fundCode":"IQ1","units":"30000.00","minLot":"1000.00","askPrice":"1.3500","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();

        JsonNode offers = market.investor.get("/offers?fund=IQ1").ok().body().path("offers");
        assertEquals(List.of(teaser, qualifiedOnly), longs(offers, "offerId"));
        assertEquals(Set.of("offerId", "fundCode", "units", "minLot", "askPrice", "askPercentOfNavBasisPoints",
                "visibility", "expiresAt", "status"), fields(offers.path(0)), "a teaser: no holder, no cost");
        assertEquals(List.of("20000.00", "1.3000", "8667"), List.of(offers.path(0).path("units").asText(),
                offers.path(0).path("askPrice").asText(), offers.path(0).path("askPercentOfNavBasisPoints").asText()));
        assertFalse(offers.toString().contains("Holder-01"), "a teaser names no holder: " + offers);
        assertEquals(List.of(teaser), longs(market.unqualified.get("/offers?fund=IQ1").ok().body().path("offers"), "offerId"));
        assertEquals(403, market.investor.get("/offers?holder=Holder-01").status(), "nobody learns whose teasers are whose");
        assertEquals(List.of(teaser, qualifiedOnly), longs(market.holder.get("/offers?holder=Holder-01&fund=IQ1").ok().body()
                .path("offers"), "offerId"), "a holder reads its own offers, served by the exchange");
        JsonNode firstOwn = market.holder.get("/offers?holder=Holder-01&fund=IQ1&limit=1").ok().body();
        assertEquals(List.of(teaser), longs(firstOwn.path("offers"), "offerId"));
        assertEquals(teaser, firstOwn.path("nextAfter").asLong());
        assertEquals(List.of(teaser, qualifiedOnly), longs(market.staff1.get("/offers?holder=Holder-01&fund=IQ1").ok().body()
                .path("offers"), "offerId"));
        assertEquals(404, market.unqualified.get("/offers/" + qualifiedOnly).status());

        long mine = market.investor.call(c -> c.submitQuote(teaser, "1.2500", "5000.00", rid())).ok().sourceIndex();
        long theirs = market.investor2.post("/offers/" + teaser + "/quotes", """
                {"price":"1.2600","units":"5000.00"}""").ok().sourceIndex();
        assertEquals(409, market.unqualified.post("/offers/" + teaser + "/quotes", """
                {"price":"1.2700","units":"5000.00"}""").status(), "only a qualified investor quotes");
        assertEquals(409, market.investor.post("/quotes/" + mine + "/counter", """
                {"price":"1.2550","units":"5000.00"}""").status(), "the holder's turn");

        JsonNode own = market.investor.call(c -> c.quotes("offer=" + teaser)).ok().body().path("quotes");
        assertEquals(List.of(mine), longs(own, "quoteId"));
        assertEquals(List.of("Investor-07"), texts(own, "investor"));
        assertFalse(own.path(0).has("holder"), "no holder before the trade");
        assertEquals(own, market.investor.get("/offers/" + teaser + "/quotes").ok().body().path("quotes"));
        assertEquals(404, market.investor.get("/quotes/" + theirs).status(), "another investor's quote");
        assertEquals(List.of(theirs), longs(market.investor2.get("/quotes?offer=" + teaser).ok().body().path("quotes"), "quoteId"));
        market.investor.call(c -> c.declineQuote(mine, rid())).ok();
        JsonNode declined = market.investor.get("/quotes/" + mine).ok().body();
        assertEquals(List.of("DECLINED", "INVESTOR", "1.2500"), List.of(declined.path("status").asText(),
                declined.path("closedBy").asText(), declined.path("history").path(0).path("price").asText()));
    }

    @Test
    void investorKeepsItsIntentsToItself() {
        long intentId = market.investor.post("/intents", """
                {"criteria":{"strategies":["BUYOUT"],"vintageFrom":2015,"vintageTo":2020},"minAmount":"1000.00",
                 "maxAmount":"50000.00","maxPercentOfNavBasisPoints":8000}""").ok().sourceIndex();
        long amended = market.investor.call(c -> c.amendIntent(intentId, """
                {"criteria":{"strategies":["BUYOUT"],"vintageFrom":2015,"vintageTo":2020},"minAmount":"1000.00",
                 "maxAmount":"60000.00","maxPercentOfNavBasisPoints":8000}""", rid())).ok().sourceIndex();
        assertEquals(403, market.holder.post("/intents/" + intentId + "/cancel", "{}").status());
        assertEquals(409, market.investor2.post("/intents/" + intentId + "/cancel", "{}").status());

        JsonNode intent = market.investor.call(c -> c.intent(intentId)).ok().body();
        assertEquals(List.of("Investor-07", "OPEN", "60000.00", "[\"BUYOUT\"]", "2015"), List.of(intent.path("investor").asText(),
                intent.path("status").asText(), intent.path("maxAmount").asText(), intent.path("strategies").toString(),
                intent.path("vintageFrom").asText()));
        assertEquals(amended, intent.path("amendedIndex").asLong());
        assertEquals(404, market.investor2.get("/intents/" + intentId).status(), "another investor's intent");
        assertEquals(404, market.holder.get("/intents/" + intentId).status());
        assertFalse(longs(market.investor2.get("/intents").ok().body().path("intents"), "intentId").contains(intentId));
        assertEquals(intent, market.regulator.get("/intents/" + intentId).ok().body());

        market.investor.call(c -> c.cancelIntent(intentId, rid())).ok();
        assertTrue(longs(market.investor.get("/intents?status=CANCELLED").ok().body().path("intents"), "intentId")
                .contains(intentId));
    }

    @Test
    void investorTradesOnTheBookAndReadsItsDepthWithoutOwners() {
        market.fund("IB1", market.holder);
        market.staff1.call(c -> c.openBook("IB1", "100.00", rid())).ok();
        market.holder.post("/orders", """
                {"fundCode":"IB1","side":"SELL","units":"10000.00","price":"1.3000"}""").ok();
        long buy = market.investor.call(c -> c.placeOrder("IB1", "BUY", "5000.00", "1.2000", rid())).ok().sourceIndex();
        long other = market.investor2.post("/orders", """
                {"fundCode":"IB1","side":"BUY","units":"1000.00","price":"1.2000"}""").ok().sourceIndex();

        JsonNode book = market.investor.call(c -> c.book("IB1")).ok().body();
        assertEquals("{\"asks\":[{\"orders\":1,\"price\":\"1.3000\",\"units\":\"10000.00\"}],"
                + "\"bids\":[{\"orders\":2,\"price\":\"1.2000\",\"units\":\"6000.00\"}],"
                + "\"fundCode\":\"IB1\",\"lotUnits\":\"100.00\",\"status\":\"OPEN\"}", book.toString());
        assertEquals(403, market.unqualified.get("/books/IB1").status(), "the book is for qualified investors");
        assertEquals(List.of(buy), longs(market.investor.get("/orders?fund=IB1").ok().body().path("orders"), "orderId"));
        assertEquals(404, market.investor.get("/orders/" + other).status(), "another investor's order");

        market.investor.call(c -> c.amendOrder(buy, Optional.of("1.2500"), Optional.empty(), rid())).ok();
        long cross = market.investor.post("/orders", """
                {"fundCode":"IB1","side":"BUY","units":"2000.00","price":"1.3000"}""").ok().sourceIndex();
        market.investor.call(c -> c.cancelOrder(buy, rid())).ok();

        JsonNode orders = market.investor.call(c -> c.orders("fund=IB1")).ok().body().path("orders");
        assertEquals(List.of(buy, cross), longs(orders, "orderId"));
        assertEquals(List.of("CANCELLED", "FILLED"), texts(orders, "status"));
        assertEquals(List.of("1.2500", "1.3000"), texts(orders, "price"));
        assertEquals(List.of("0.00", "2000.00"), texts(orders, "filledUnits"));
        JsonNode trade = market.investor.get("/transfers").ok().body().path("transfers").findParents("fundCode").stream()
                .filter(t -> t.path("fundCode").asText().equals("IB1")).findFirst().orElseThrow();
        assertEquals(List.of("Holder-01", "Investor-07", "2000.00", "PENDING_SETTLEMENT"), List.of(trade.path("seller").asText(),
                trade.path("buyer").asText(), trade.path("units").asText(), trade.path("status").asText()));
        assertEquals(0, market.investor2.get("/transfers").ok().body().path("transfers").findParents("fundCode").stream()
                .filter(t -> t.path("fundCode").asText().equals("IB1")).count());
    }

    @Test
    void investorBidsAndReadsItsOwnBidsAcrossListings() {
        market.fund("IA1", market.holder);
        long now = market.clock().millis();
        long english = market.holder.call(c -> c.listAuction(AuctionListing.english("IA1", "2000.00", "1.3000", "0.0100",
                now, now + 3_600_000), "ia1-english")).ok().sourceIndex();
        assertEquals(404, market.investor.get("/listings/" + english).status(), "not open yet");
        market.staff2.post("/listings/" + english + "/approve", "{}").ok();
        long mine = market.investor.call(c -> c.placeBid(english, "1.3000", "ia1-bid-1")).ok().sourceIndex();
        long theirs = market.investor2.call(c -> c.placeBid(english, "1.3100", "ia1-bid-2")).ok().sourceIndex();

        JsonNode bids = market.investor.get("/listings/" + english + "/bids").ok().body().path("bids");
        assertEquals(List.of(mine, theirs), longs(bids, "bidId"));
        assertEquals(List.of("Investor-07", "P2"), texts(bids, "bidder"));
        JsonNode own = market.investor.call(c -> c.ownBids("")).ok().body().path("bids");
        assertEquals(List.of(mine), longs(own, "bidId"));
        assertEquals(List.of("1.3000"), texts(own, "price"));
        assertEquals(List.of(theirs), longs(market.investor2.get("/bids?listing=" + english).ok().body().path("bids"), "bidId"));
        assertEquals(0, market.unqualified.get("/bids").ok().body().path("bids").size());
        assertEquals(404, market.unqualified.get("/listings/" + english).status(), "open auctions are for qualified investors");
        JsonNode listing = market.investor.get("/listings/" + english).ok().body();
        assertFalse(listing.has("seller"), "an auction names no seller to bidders: " + listing);
        assertEquals(403, market.investor.get("/funds/IA1/register").status());
        assertEquals(403, market.investor.get("/participants/Investor-08").status());
        assertEquals(403, market.investor.post("/listings/" + english + "/approve", "{}").status());
        assertEquals(403, market.investor.post("/offers", "{}").status(), "offers are posted by holders");
    }

    /**
     * A mechanism's own terms, as the client library writes them, pass the gateway's strict grammar and reach the
     * engine, which refuses them (409, code 2001) while no mechanism claims them (rules version 11; the design's M9
     * brings the first): a malformed body would be refused at the gateway instead (400, code 120).
     */
    @Test
    void termsTheClientWritesReachTheEngineWhichRefusesThemWhileNoMechanismClaimsThem() {
        market.fund("IT1", market.holder);
        long now = market.clock().millis();
        AuctionListing english = AuctionListing.english("IT1", "2000.00", "1.3000", "0.0100", now, now + 3_600_000);
        Participant.Reply listed = market.holder.call(c -> c.listAuction(
                english.withTerms(new ClockTerms.ClockListing(Price.of("0.01"), 60_000)), rid()));
        assertEquals(List.of("409", "2001", "ENGLISH listings take no terms / ENGLISH 挂牌不接受机制条款"),
                List.of(Integer.toString(listed.status()), listed.body().path("code").asText(),
                        listed.body().path("message").asText()), listed.body().toString());

        long listing = market.holder.call(c -> c.listAuction(english, rid())).ok().sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        Participant.Reply bid = market.investor.call(c -> c.placeBid(listing, "1.3000", new ClockTerms.ClockBid(0), rid()));
        assertEquals(List.of("409", "2001", "bids on ENGLISH listings take no terms / ENGLISH 挂牌的出价不接受机制条款"),
                List.of(Integer.toString(bid.status()), bid.body().path("code").asText(),
                        bid.body().path("message").asText()), bid.body().toString());
        assertEquals(0, market.investor.get("/listings/" + listing + "/bids").ok().body().path("bids").size());
    }
}
