package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The cash reads (issue 22, registry V24) against a real node, through the signed API: each participant reads its own
 * accounts, movements and instructions and nothing of another's (not even a correction's other side); the settlement
 * bank the instructions addressed to it and its own receipts and statements, and no account; staff and regulators
 * everything, the suspense queue and the mismatch alarms included; every refusal in the error shape.
 */
@ServerTest
class CashReadsSystemTest {
    private static ApiMarket market;
    private static Participant bank;
    private static String valueDate;
    private static String statementDate;
    private static URI uri;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("cashreads");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) {
        uri = serverUri;
        market.onboard(uri);
        bank = market.newcomer(uri, "Bank-01", "BANK", false);
        market.fund("CR1", market.holder); // a CNY fund: cash is kept in the currencies the funds use
        // Yesterday in the platform zone: a value date the engine takes whatever the hour (never after its business date).
        valueDate = LocalDate.ofInstant(market.clock().instant(), ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        // Statements two days back: a receipt valued on or before the last statement's date is refused (8010).
        statementDate = LocalDate.parse(valueDate).minusDays(1).toString();
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void eachReaderSeesOnlyTheCashItMay() {
        bank.post("/cash/receipts", receipt("Investor-07", "1000.00", "BR-A")).ok();
        bank.post("/cash/receipts", receipt("Holder-01", "500.00", "BR-B")).ok();
        bank.post("/cash/unidentified-receipts", """
                {"currency":"CNY","amount":"70.00","bankReference":"BR-C","valueDate":"%s","remitter":"Demo Remitter Ltd"}"""
                .formatted(valueDate)).ok();
        long instruction = market.investor.post("/cash/withdrawals", """
                {"currency":"CNY","amount":"400.00"}""").ok().sourceIndex() * 4096;
        approve("""
                {"type":"CorrectCash","currency":"CNY","from":{"kind":"PARTICIPANT","participantId":"Investor-07"},\
                "to":{"kind":"PARTICIPANT","participantId":"Holder-01"},"amount":"100.00",\
                "reason":"a transfer credited to the wrong account"}""");

        // The investor reads its side of the correction as oversight does, reason and proposal included (as its feed).
        JsonNode corrections = market.staff1.get("/cash/movements?owner=Investor-07").ok().body().path("movements");
        JsonNode correction = corrections.get(corrections.size() - 1);
        assertEquals("CashCorrected", correction.path("cause").asText());
        assertEquals("a transfer credited to the wrong account", correction.path("reason").asText());
        assertTrue(correction.has("proposalId"), correction::toString);
        JsonNode own = market.investor.get("/cash/movements").ok().body().path("movements");
        assertEquals(correction, own.get(own.size() - 1));

        // A participant: its own account, its own movements (a correction without the other account).
        JsonNode accounts = market.investor.get("/cash/accounts").ok().body().path("accounts");
        assertEquals(List.of("Investor-07"), ApiMarket.texts(accounts, "owner"));
        assertEquals(List.of("500.00"), ApiMarket.texts(accounts, "available"));
        assertEquals(List.of("400.00"), ApiMarket.texts(accounts, "locked"));
        JsonNode movements = market.investor.get("/cash/movements").ok().body().path("movements");
        assertEquals(List.of("CREDIT", "LOCK", "DEBIT"), ApiMarket.texts(movements, "kind"));
        assertEquals(List.of("PARTICIPANT"), List.copyOf(Set.copyOf(ApiMarket.texts(movements, "accountKind"))));
        assertEquals(List.of("CashReceived", "PayoutInstructed", "CashCorrected"), ApiMarket.texts(movements, "cause"));
        assertEquals(Set.of("Investor-07"), Set.copyOf(ApiMarket.texts(movements, "owner")));
        assertFalse(movements.toString().contains("Holder-01"), movements::toString);
        JsonNode holderMovements = market.holder.get("/cash/movements").ok().body().path("movements");
        assertEquals(List.of("500.00", "100.00"), ApiMarket.texts(holderMovements, "amount"));
        assertFalse(holderMovements.toString().contains("Investor-07"), holderMovements::toString);
        assertEquals(List.of(instruction), ApiMarket.longs(market.investor.get("/cash/instructions").ok().body()
                .path("instructions"), "instructionId"));
        assertEquals(0, market.holder.get("/cash/instructions").ok().body().path("instructions").size());

        // Nothing of another's, nor the platform's accounts, nor the bank's records: 403 in the error shape.
        forbidden(market.investor, "/cash/accounts?owner=Holder-01");
        forbidden(market.investor, "/cash/movements?owner=Holder-01");
        forbidden(market.investor, "/cash/instructions?owner=Holder-01");
        forbidden(market.investor, "/cash/accounts?kind=SUSPENSE");
        forbidden(market.investor, "/cash/receipts");
        forbidden(market.holder, "/cash/statements");

        // The bank: the instructions addressed to it (the whole row, as oversight reads it), its receipts, no account (403).
        JsonNode queue = bank.get("/cash/instructions?status=PENDING").ok().body().path("instructions");
        assertEquals(market.staff1.get("/cash/instructions?status=PENDING&owner=Investor-07").ok().body().path("instructions"),
                queue);
        assertEquals(List.of(instruction), ApiMarket.longs(queue, "instructionId"));
        assertEquals(List.of("Investor-07"), ApiMarket.texts(queue, "owner"));
        JsonNode receipts = bank.get("/cash/receipts").ok().body().path("receipts");
        assertTrue(ApiMarket.texts(receipts, "bankReference").containsAll(List.of("BR-A", "BR-B", "BR-C")), receipts::toString);
        forbidden(bank, "/cash/accounts");
        forbidden(bank, "/cash/movements");

        // Oversight: the suspense queue, every account, a correction with its reason.
        assertEquals(List.of("BR-C"), ApiMarket.texts(market.regulator.get("/cash/receipts?status=SUSPENSE").ok().body()
                .path("receipts"), "bankReference"));
        assertEquals(List.of("70.00"), ApiMarket.texts(market.regulator.get("/cash/accounts?kind=SUSPENSE").ok().body()
                .path("accounts"), "available"));
        JsonNode all = market.staff1.get("/cash/movements?kind=PARTICIPANT&currency=CNY").ok().body().path("movements");
        assertTrue(all.toString().contains("a transfer credited to the wrong account"), all::toString);

        // The bank pays: the investor's locked cash leaves escrow and the queue is empty.
        bank.post("/cash/instructions/" + instruction + "/executed", """
                {"bankReference":"BP-A","valueDate":"%s"}""".formatted(LocalDate.parse(valueDate).plusDays(1))).ok();
        assertEquals(List.of("0.00"), ApiMarket.texts(market.investor.get("/cash/accounts").ok().body().path("accounts"),
                "locked"));
        assertEquals(List.of("EXECUTED"), ApiMarket.texts(market.investor.get("/cash/instructions").ok().body()
                .path("instructions"), "status"));
        assertEquals(0, bank.get("/cash/instructions?status=PENDING").ok().body().path("instructions").size());
    }

    @Test
    void aMismatchedStatementIsAnAlarmForOversightAndTheSubmittingBankOnly() {
        long alarm = bank.post("/cash/statements", """
                {"currency":"CNY","statementDate":"%s","closingBalance":"999999.00","bankReference":"BS-A"}"""
                .formatted(statementDate)).ok().sourceIndex();
        JsonNode open = market.regulator.get("/cash/statements?status=MISMATCH").ok().body().path("statements");
        assertEquals(List.of(alarm), ApiMarket.longs(open, "statementId"));
        assertEquals(List.of("999999.00"), ApiMarket.texts(open, "bankBalance"));
        assertEquals(List.of(alarm), ApiMarket.longs(bank.get("/cash/statements").ok().body().path("statements"),
                "statementId"));
        long proposal = approve("""
                {"type":"AcknowledgeEscrowAlarm","alarmId":%d,"reason":"test statement of the demo bank"}""".formatted(alarm));
        assertEquals(0, market.staff1.get("/cash/statements?status=MISMATCH").ok().body().path("statements").size());

        // Oversight reads the alarm and its acknowledgement; the bank the same row without them (its feed has neither).
        JsonNode full = market.regulator.get("/cash/statements").ok().body().path("statements").get(0);
        assertEquals("ACKNOWLEDGED", full.path("status").asText());
        assertEquals(alarm, full.path("alarmIndex").asLong());
        assertEquals(proposal, full.path("proposalId").asLong());
        assertEquals("test statement of the demo bank", full.path("acknowledgedReason").asText());
        assertTrue(full.has("acknowledgedIndex") && full.has("acknowledgedAt"), full::toString);
        ObjectNode seen = full.deepCopy();
        seen.remove(List.of("alarmIndex", "acknowledgedIndex", "acknowledgedAt", "proposalId", "acknowledgedReason"));
        JsonNode banks = bank.get("/cash/statements").ok().body().path("statements");
        assertEquals(1, banks.size(), banks::toString);
        assertEquals(seen, banks.get(0));
    }

    @Test
    void theBankSeesAnAssignedReceiptsStatusButNotWhomStaffAssignedItTo() {
        bank.post("/cash/unidentified-receipts", """
                {"currency":"CNY","amount":"35.00","bankReference":"BR-S1","valueDate":"%s","remitter":"Demo Remitter Ltd"}"""
                .formatted(valueDate)).ok();
        long proposal = approve("""
                {"type":"AssignSuspenseReceipt","bankReference":"BR-S1","participantId":"Investor-07",\
                "reason":"remitter identified as Investor-07"}""");
        JsonNode full = row(market.staff1.get("/cash/receipts?status=ASSIGNED").ok().body().path("receipts"), "BR-S1");
        assertEquals("Investor-07", full.path("assignedTo").asText());
        assertTrue(full.path("settledIndex").asLong() > proposal, full::toString);
        assertTrue(full.has("settledAt"), full::toString);
        ObjectNode seen = full.deepCopy();
        seen.remove(List.of("assignedTo", "settledIndex", "settledAt"));
        assertEquals(seen, row(bank.get("/cash/receipts?status=ASSIGNED").ok().body().path("receipts"), "BR-S1"));
        assertEquals(200, market.staff1.get("/cash/receipts?status=RETURNING").status());
        assertEquals(200, bank.get("/cash/receipts?status=RETURNED").status());
    }

    @Test
    void aSuspendedBankReadsNoInstructionReceiptOrStatementUntilReinstated() {
        approve("""
                {"type":"SuspendParticipant","participantId":"Bank-01","reason":"bank licence under review"}""");
        try {
            for (String path : List.of("/cash/instructions", "/cash/instructions?status=PENDING", "/cash/receipts",
                    "/cash/statements", "/cash/accounts", "/cash/movements")) {
                Participant.Reply refused = bank.get(path);
                assertEquals(403, refused.status(), path);
                assertEquals(140, refused.body().path("code").asInt(), path);
                assertEquals(Set.of("code", "message", "requestId"), ApiMarket.fields(refused.body()), path);
            }
            assertEquals("Bank-01", bank.get("/participants/Bank-01").ok().body().path("participantId").asText());
        } finally {
            approve("""
                    {"type":"ReinstateParticipant","participantId":"Bank-01","reason":"licence confirmed"}""");
        }
        assertEquals(200, bank.get("/cash/instructions").status());
    }

    @Test
    void theQueryIsStrictAndPagesCarryACursor() {
        bank.post("/cash/receipts", receipt("Investor-08", "10.00", "BR-P1")).ok();
        bank.post("/cash/receipts", receipt("Investor-08", "20.00", "BR-P2")).ok();
        JsonNode first = market.investor2.get("/cash/movements?limit=1").ok().body();
        assertEquals(List.of("10.00"), ApiMarket.texts(first.path("movements"), "amount"));
        JsonNode second = market.investor2.get("/cash/movements?limit=1&after=" + first.path("nextAfter").asLong()).ok().body();
        assertEquals(List.of("20.00"), ApiMarket.texts(second.path("movements"), "amount"));
        assertTrue(second.path("nextAfter").isMissingNode(), second::toString);
        for (String query : List.of("?unknown=1", "?limit=0", "?limit=1001", "?after=x", "?currency=cny", "?kind=OTHER",
                "?limit=1&limit=2")) {
            Participant.Reply refused = market.investor2.get("/cash/movements" + query);
            assertEquals(400, refused.status(), query);
            assertEquals(Set.of("code", "message", "requestId"), ApiMarket.fields(refused.body()), query);
        }
    }

    private static String receipt(String participant, String amount, String reference) {
        return """
                {"participantId":"%s","currency":"CNY","amount":"%s","bankReference":"%s","valueDate":"%s"}"""
                .formatted(participant, amount, reference, valueDate);
    }

    /** A sensitive action proposed by Staff-01 and approved by Staff-02: the proposal's id. */
    private static long approve(String action) {
        long proposal = market.staff1.post("/proposals", "{\"action\":" + action + "}").ok().sourceIndex();
        market.staff2.post("/proposals/" + proposal + "/approve", "{}").ok();
        return proposal;
    }

    private static JsonNode row(JsonNode rows, String bankReference) {
        for (JsonNode row : rows) {
            if (bankReference.equals(row.path("bankReference").asText())) {
                return row;
            }
        }
        throw new AssertionError(bankReference + " not in " + rows);
    }

    private static void forbidden(Participant reader, String path) {
        Participant.Reply refused = reader.get(path);
        assertEquals(403, refused.status(), path);
        assertEquals(106, refused.body().path("code").asInt(), path);
        assertEquals(Set.of("code", "message", "requestId"), ApiMarket.fields(refused.body()), path);
    }
}
