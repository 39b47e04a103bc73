package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delivery versus payment through the signed API against a real node (issue 22, rules version 9, registry V26, V31):
 * the buyer reads what it owes and funds it, the units then its own but pending registration; the seller reads the trade without the buyer's funding; the bank reads no
 * trade (403) and only the payout instruction of the seller's proceeds; staff confirm the registration change of a
 * fund without a manager participant; every refusal in the error shape.
 */
@ServerTest
class DeliveryVersusPaymentSystemTest {
    private static ApiMarket market;
    private static Participant bank;
    private static String valueDate;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("dvp");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        market.onboard(uri);
        bank = market.newcomer(uri, "Bank-01", "BANK", false);
        market.fund("DV1", market.holder);
        valueDate = LocalDate.ofInstant(market.clock().instant(), ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void theBuyerFundsStaffConfirmTheRegistrationAndEachReaderSeesItsOwnSide() {
        bank.post("/cash/receipts", """
                {"participantId":"Investor-07","currency":"CNY","amount":"20000.00","bankReference":"BR-DV1","valueDate":"%s"}"""
                .formatted(valueDate)).ok();
        long listing = market.holder.post("/listings", """
                {"fundCode":"DV1","buyer":"Investor-07","units":"10000.00","price":"1.0000","expiresAt":0}""").ok()
                .sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        long trade = market.investor.post("/listings/" + listing + "/accept", "{}").ok().sourceIndex() * 4096;

        JsonNode owed = market.investor.get("/cash/trades?status=AWAITING_FUNDING").ok().body().path("trades");
        assertEquals(List.of(trade), ApiMarket.longs(owed, "tradeId"));
        assertEquals(List.of("10100.00"), ApiMarket.texts(owed, "due"));
        assertEquals(List.of("0.00"), ApiMarket.texts(owed, "funded"));
        JsonNode sold = market.holder.get("/cash/trades").ok().body().path("trades");
        assertEquals(List.of(trade), ApiMarket.longs(sold, "tradeId"));
        assertFalse(sold.get(0).has("funded"), sold::toString);
        forbidden(bank, "/cash/trades");
        assertEquals(403, market.holder.post("/trades/" + trade + "/fund", "{}").status(), "a holder buys nothing");

        market.investor.post("/trades/" + trade + "/fund", "{}").ok();
        JsonNode awaiting = market.staff1.get("/cash/trades?status=AWAITING_REGISTRATION").ok().body().path("trades");
        assertEquals(List.of("10100.00"), ApiMarket.texts(awaiting, "funded"));
        // Rules version 9: funded, the units are the buyer's, locked pending the registration change.
        JsonNode delivered = market.investor.get("/holdings").ok().body().path("holdings");
        assertEquals(List.of("10000.00"), ApiMarket.texts(delivered, "units"));
        assertEquals(List.of("10000.00"), ApiMarket.texts(delivered, "pendingRegistration"));
        assertEquals(List.of("0.00"), ApiMarket.texts(delivered, "available"));
        market.staff1.post("/trades/" + trade + "/registration/confirm", "{}").ok();
        JsonNode registered = market.investor.get("/holdings").ok().body().path("holdings");
        assertEquals(List.of("0.00"), ApiMarket.texts(registered, "pendingRegistration"));
        assertEquals(List.of("10000.00"), ApiMarket.texts(registered, "available"));

        assertEquals(List.of("SETTLED"), ApiMarket.texts(market.investor.get("/cash/trades").ok().body().path("trades"),
                "status"));
        assertEquals(List.of("9900.00"), ApiMarket.texts(market.investor.get("/cash/accounts").ok().body()
                .path("accounts"), "available"));
        JsonNode queue = bank.get("/cash/instructions?status=PENDING").ok().body().path("instructions");
        assertEquals(List.of("Holder-01"), ApiMarket.texts(queue, "owner"));
        assertEquals(List.of("9900.00"), ApiMarket.texts(queue, "amount"));
        JsonNode revenue = market.regulator.get("/cash/accounts?kind=REVENUE").ok().body().path("accounts");
        assertEquals(List.of("200.00"), ApiMarket.texts(revenue, "available"));
        assertTrue(market.investor.get("/cash/trades?status=BOGUS").status() == 400);
    }

    private static void forbidden(Participant reader, String path) {
        Participant.Reply refused = reader.get(path);
        assertEquals(403, refused.status(), path);
        assertEquals(Set.of("code", "message", "requestId"), ApiMarket.fields(refused.body()), path);
    }
}
