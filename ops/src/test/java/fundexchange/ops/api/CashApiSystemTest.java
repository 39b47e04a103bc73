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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cash through the real gateway (issue 22, rules version 7): the settlement bank's participant (role BANK) signs its
 * confirmations, whose write routes come from the command specifications, and they reach the engine; a participant's
 * withdrawal instructs the bank; a non-bank signer is refused by the gateway before anything is journaled.
 */
@ServerTest
class CashApiSystemTest {
    private static ApiMarket market;
    private static Participant bank;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("cash");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        market.onboard(uri);
        market.registerFund("CSH1", false);
        bank = market.newcomer(uri, "Bank-01", "BANK", false);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    private static String today() {
        return LocalDate.ofInstant(market.clock().instant(), ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void theBanksSignedConfirmationsReachTheEngineAndAWithdrawalIsPaid() {
        JsonNode receipt = bank.post("/cash/receipts", """
                {"participantId":"Investor-07","currency":"CNY","amount":"1000.00","bankReference":"API-R-1",
                 "valueDate":"%s"}""".formatted(today())).ok().body();
        assertEquals("CashReceived", receipt.path("events").path(0).path("type").asText());
        assertEquals("Bank-01", receipt.path("events").path(0).path("bank").asText());
        assertEquals("1000.00", receipt.path("events").path(0).path("amount").asText());

        JsonNode withdrawal = market.investor.post("/cash/withdrawals", """
                {"currency":"CNY","amount":"400.00"}""").ok().body();
        JsonNode instructed = withdrawal.path("events").path(0);
        assertEquals("PayoutInstructed", instructed.path("type").asText());
        long instruction = instructed.path("instructionId").asLong();
        assertEquals(withdrawal.path("sourceIndex").asLong() * 4096, instruction);

        JsonNode paid = bank.post("/cash/instructions/" + instruction + "/executed", """
                {"bankReference":"API-P-1","valueDate":"%s"}""".formatted(today())).ok().body();
        assertEquals("PayoutExecuted", paid.path("events").path(0).path("type").asText());

        Participant.Reply repeated = bank.post("/cash/receipts", """
                {"participantId":"Investor-07","currency":"CNY","amount":"1000.00","bankReference":"API-R-1",
                 "valueDate":"%s"}""".formatted(today()));
        assertEquals(java.util.List.of(409, 8002), java.util.List.of(repeated.status(),
                repeated.body().path("code").asInt()), repeated.body().toString());

        // The bank's feed carries its confirmations and the instruction addressed to it.
        java.util.List<String> bankSees = bank.get("/feed?limit=1000").ok().body().path("entries").findParents("type")
                .stream().map(data -> data.path("type").asText()).filter(type -> !type.isEmpty()).toList();
        assertEquals(true, bankSees.containsAll(java.util.List.of("CashReceived", "PayoutInstructed", "PayoutExecuted")),
                bankSees.toString());
    }

    @Test
    void onlyTheBankSignsItsConfirmations() {
        Participant.Reply refused = market.staff1.post("/cash/receipts", """
                {"participantId":"Investor-07","currency":"CNY","amount":"1.00","bankReference":"API-R-9",
                 "valueDate":"%s"}""".formatted(today()));
        assertEquals(403, refused.status(), refused.body().toString());
        Participant.Reply withdrawal = bank.post("/cash/withdrawals", """
                {"currency":"CNY","amount":"1.00"}""");
        assertEquals(403, withdrawal.status(), withdrawal.body().toString());
    }
}
