package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bid deposits (issue 22, rules version 8, registry V27) through the signed API against a real node: an auction asking
 * a deposit shows it with the listing; a bid without the deposit available is refused (8037) in the error shape; a
 * bid with it locks it, and {@code GET /cash/deposits} shows it to its bidder and oversight only (another participant
 * naming it, or the bank: 403).
 */
@ServerTest
class BidDepositSystemTest {
    private static ApiMarket market;
    private static Participant bank;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("deposits");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        market.onboard(uri);
        bank = market.newcomer(uri, "Bank-01", "BANK", false);
        market.fund("BD1", market.holder);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void aBidLocksTheListingsDepositWhichOnlyItsBidderAndOversightRead() {
        String valueDate = LocalDate.ofInstant(market.clock().instant(), ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        bank.post("/cash/receipts", """
                {"participantId":"%s","currency":"CNY","amount":"1000.00","bankReference":"BD-R-1","valueDate":"%s"}"""
                .formatted(market.investor.id(), valueDate)).ok();
        long now = market.clock().millis();
        long listing = market.holder.post("/auctions", """
                {"fundCode":"BD1","mechanism":"ENGLISH","units":"2000.00","startingPrice":"1.3000","reservePrice":"1.3000",
                 "minIncrement":"0.0100","startsAt":%d,"endsAt":%d,"secondPrice":false,"depositAmount":"500.00"}"""
                .formatted(now, now + 3_600_000)).ok().body().path("sourceIndex").asLong();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        assertEquals("500.00", market.investor2.get("/listings/" + listing).ok().body().path("deposit").asText());

        Participant.Reply refused = market.investor2.post("/listings/" + listing + "/bids", """
                {"price":"1.3000"}""");
        assertEquals(List.of(409, 8037), List.of(refused.status(), refused.body().path("code").asInt()),
                refused.body().toString());

        JsonNode bid = market.investor.post("/listings/" + listing + "/bids", """
                {"price":"1.3000"}""").ok().body();
        assertEquals(List.of("DepositLocked", "BidPlaced"), List.of(bid.path("events").path(0).path("type").asText(),
                bid.path("events").path(1).path("type").asText()));
        JsonNode own = market.investor.get("/cash/deposits").ok().body().path("deposits");
        assertEquals(List.of(listing), ApiMarket.longs(own, "listingId"));
        assertEquals(List.of("LOCKED"), ApiMarket.texts(own, "status"));
        assertEquals(List.of("500.00"), ApiMarket.texts(own, "amount"));
        assertEquals(List.of("500.00"), ApiMarket.texts(market.investor.get("/cash/accounts").ok().body()
                .path("accounts"), "locked"));
        assertEquals(own, market.regulator.get("/cash/deposits?listingId=" + listing).ok().body().path("deposits"));
        assertEquals(0, market.investor2.get("/cash/deposits").ok().body().path("deposits").size());
        assertEquals(403, market.investor2.get("/cash/deposits?owner=" + market.investor.id()).status());
        assertEquals(403, bank.get("/cash/deposits").status());
    }
}
