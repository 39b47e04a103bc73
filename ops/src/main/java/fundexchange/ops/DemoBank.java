package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settlement bank in the demo (issue 22; docs/rules.md "Cash" and "Delivery versus payment and fees"): Bank-01
 * (role BANK, its own key file), active before the demo's first trade, so that every trade of the demo settles delivery
 * versus payment ({@link DemoSettlement}). The bank confirms receipts and executed payouts and keeps its own books, what
 * it confirmed received less what it confirmed paid per currency; on the first confirmation of each new value date it
 * sends its statements of the previous one (unless the clock jumped more than the 31 days a statement may look back,
 * as after the state-owned auction), which the engine checks against escrow, and {@link #statement} sends the last
 * day's at the end.
 *
 * <p>Each confirmation is valued on the platform zone's date when it is sent, read after the instruction it confirms
 * was answered: a run that crosses midnight never values a confirmation after its command's business date nor a payout
 * before its instruction's.
 */
final class DemoBank {
    static final String BANK = "Bank-01";
    private static final List<String> CURRENCIES = List.of("CNY", "USD");
    /** How far back a statement may be dated (docs/rules.md, "Cash", Dates: 8011). */
    private static final int STATEMENT_AGE_DAYS = 31;
    private final DemoMarket market;
    private final Clock clock;
    private final Participant bank;
    /** The bank's own books: what it confirmed received less what it confirmed paid, per currency. */
    private final Map<String, BigDecimal> books = new TreeMap<>();
    private LocalDate lastValueDate;
    private int references;

    private DemoBank(DemoMarket market, Clock clock, Participant bank) {
        this.market = market;
        this.clock = clock;
        this.bank = bank;
    }

    /** Onboards Bank-01 (maker-checker, its key among the market's). */
    static DemoBank open(DemoMarket market, Clock clock) {
        market.enrol(BANK, "Demo Settlement Bank 1", List.of("BANK"), false);
        return new DemoBank(market, clock, market.person(BANK));
    }

    /** The bank confirms funds received for a participant's account, under its own reference. */
    void receive(String participant, String currency, String amount) {
        String valueDate = valueDate();
        bank.post("/cash/receipts", """
                {"participantId":"%s","currency":"%s","amount":"%s","bankReference":"%s","valueDate":"%s"}"""
                .formatted(participant, currency, amount, reference("BR"), valueDate)).ok();
        books.merge(currency, new BigDecimal(amount), BigDecimal::add);
    }

    /** The payout instruction of {@code owner} that the document at {@code index} made, as the bank's queue shows it. */
    JsonNode instructed(long index, String owner) {
        for (JsonNode instruction : bank.get("/cash/instructions?status=PENDING&owner=" + owner).ok().body()
                .path("instructions")) {
            if (instruction.path("instructedIndex").asLong() == index) {
                return instruction;
            }
        }
        throw new IllegalStateException("no payout instruction for " + owner + " at index " + index + " in " + BANK
                + "'s queue");
    }

    /** The bank confirms an instruction paid: the amount leaves escrow, and its books. */
    void execute(JsonNode instruction) {
        String valueDate = valueDate();
        bank.post("/cash/instructions/" + instruction.path("instructionId").asText() + "/executed", """
                {"bankReference":"%s","valueDate":"%s"}""".formatted(reference("BP"), valueDate)).ok();
        books.merge(instruction.path("currency").asText(), money(instruction, "amount").negate(), BigDecimal::add);
    }

    /**
     * The bank's statement in {@code currency} of the day of its last confirmation (a day closed by the time this
     * runs): its own balance, which the engine checks against its escrow total; the statement as staff read it.
     */
    JsonNode statement(String currency) {
        String date = lastValueDate.toString();
        send(currency, lastValueDate);
        for (JsonNode statement : market.staff1().get("/cash/statements").ok().body().path("statements")) {
            if (currency.equals(statement.path("currency").asText()) && date.equals(statement.path("statementDate").asText())) {
                return statement;
            }
        }
        throw new IllegalStateException("the bank's " + currency + " statement of " + date + " was not recorded");
    }

    /** A participant's account in {@code currency}, as staff read it (zeros before its first movement). */
    JsonNode account(String owner, String currency) {
        return market.staff1().get("/cash/accounts?owner=" + owner + "&currency=" + currency).ok().body().path("accounts")
                .path(0);
    }

    /** A money field, which the API sends as a decimal string (absent: zero). */
    static BigDecimal money(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asText("0.00"));
    }

    private void send(String currency, LocalDate date) {
        BigDecimal balance = books.getOrDefault(currency, BigDecimal.ZERO.setScale(2));
        bank.post("/cash/statements", """
                {"currency":"%s","statementDate":"%s","closingBalance":"%s","bankReference":"%s"}"""
                .formatted(currency, date, balance.toPlainString(), reference("BS"))).ok();
    }

    /**
     * The platform zone's date now: never after the command's, never before an instruction answered earlier. On the
     * first confirmation of a new date the bank first sends its statements of the last one, now closed, if still
     * within the 31 days a statement may look back.
     */
    private String valueDate() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), market.platformTime().zone());
        if (lastValueDate != null && today.isAfter(lastValueDate)
                && !lastValueDate.isBefore(today.minusDays(STATEMENT_AGE_DAYS))) {
            for (String currency : CURRENCIES) {
                send(currency, lastValueDate);
            }
        }
        lastValueDate = lastValueDate == null || today.isAfter(lastValueDate) ? today : lastValueDate;
        return today.toString();
    }

    private String reference(String prefix) {
        return "DEMO-" + prefix + "-%04d".formatted(++references);
    }
}
