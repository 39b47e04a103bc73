package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settlement bank in the demo (issue 22; docs/rules.md "Cash" and "Delivery versus payment and fees"): Bank-01
 * (role BANK, its own key file) is active before the demo's first trade, so every trade of the demo settles delivery
 * versus payment. For a trade ({@link #settle}) the bank confirms a receipt of what its buyer still lacks, the buyer
 * funds it ({@code FundTrade}), its registrar (the fund's manager; staff for a fund without a manager participant)
 * confirms the registration change, which settles the units and the cash, and the bank confirms the seller's payout
 * executed. The bank keeps its own books, what it confirmed received less what it confirmed paid per currency, which
 * its daily statement ({@link #statement}) reports for the engine to check against escrow.
 *
 * <p>Each confirmation is valued on the platform zone's date when it is sent, read after the instruction it confirms
 * was answered: a run that crosses midnight never values a confirmation after its command's business date nor a payout
 * before its instruction's.
 */
final class DemoBank {
    static final String BANK = "Bank-01";
    private final DemoMarket market;
    private final Clock clock;
    private final ZoneId zone;
    private final Participant bank;
    /** The bank's own books: what it confirmed received less what it confirmed paid, per currency. */
    private final Map<String, BigDecimal> books = new TreeMap<>();
    private final Tally tally = new Tally();
    private LocalDate lastValueDate;
    private int references;

    private DemoBank(DemoMarket market, Clock clock, ZoneId zone, Participant bank) {
        this.market = market;
        this.clock = clock;
        this.zone = zone;
        this.bank = bank;
    }

    /** Onboards Bank-01 (maker-checker, its key among the market's) and makes the market settle through it. */
    static DemoBank open(DemoMarket market, Clock clock) {
        market.enrol(BANK, "Demo Settlement Bank 1", List.of("BANK"), false);
        ZoneId zone = ZoneId.of(market.staff1().get("/exchange").ok().body().path("zone").asText());
        DemoBank bank = new DemoBank(market, clock, zone, market.person(BANK));
        market.settleThrough(bank);
        System.out.println("settlement bank: " + BANK + " is active, so every trade of the demo settles delivery versus"
                + " payment: the buyer funds it, the registration change is confirmed, then the bank pays the seller /"
                + " 结算银行 " + BANK + " 已启用：演示中的每笔交易均货银对付交收：买方付款、确认登记变更后，银行向卖方付款");
        return bank;
    }

    /** What one trade's settlement did. */
    record Settlement(long tradeId, String buyer, String seller, String due, String registrar, String instructionId,
                      String proceeds) {
    }

    /**
     * Settles a trade awaiting funding delivery versus payment: the bank confirms what the buyer lacks, the buyer funds
     * it, its registrar confirms the registration change, and the bank pays the seller's proceeds.
     */
    Settlement settle(long tradeId) {
        JsonNode row = cover(List.of(tradeId)).getFirst();
        String buyer = row.path("buyer").asText();
        JsonNode answer = market.person(buyer).post("/trades/" + tradeId + "/fund", "{}").ok().body();
        boolean funded = false;
        for (JsonNode event : answer.path("events")) {
            funded |= "TradeFunded".equals(event.path("type").asText()) && event.path("tradeId").asLong() == tradeId;
        }
        if (!funded) {
            throw new IllegalStateException("trade " + tradeId + " was not funded: " + answer);
        }
        return registerAndPay(tradeId);
    }

    /**
     * Confirms receipts for the buyers of {@code tradeIds} (each awaiting funding) of what their available cash lacks
     * for all of them, per buyer and currency; the trades' rows, in the order given.
     */
    List<JsonNode> cover(List<Long> tradeIds) {
        List<JsonNode> rows = new ArrayList<>();
        Map<String, BigDecimal> owed = new TreeMap<>();
        for (long tradeId : tradeIds) {
            JsonNode row = trade(tradeId, "AWAITING_FUNDING");
            rows.add(row);
            owed.merge(row.path("buyer").asText() + " " + row.path("currency").asText(),
                    money(row, "due").subtract(money(row, "funded")), BigDecimal::add);
        }
        owed.forEach((key, amount) -> {
            String buyer = key.substring(0, key.indexOf(' '));
            String currency = key.substring(key.indexOf(' ') + 1);
            BigDecimal lacking = amount.subtract(money(account(buyer, currency), "available"));
            if (lacking.signum() > 0) {
                receive(buyer, currency, lacking.toPlainString());
                tally.receipts.add(currency + " " + lacking.toPlainString() + " for " + buyer);
            }
        });
        return rows;
    }

    /**
     * A funded trade: its registrar (the fund's manager, else staff) confirms the registration change, which settles
     * the trade, and the bank executes the payout of the seller's proceeds that the confirmation instructed.
     */
    Settlement registerAndPay(long tradeId) {
        JsonNode row = trade(tradeId, "AWAITING_REGISTRATION");
        String manager = row.hasNonNull("manager") ? row.path("manager").asText() : "";
        Participant registrar = manager.isEmpty() ? market.staff1() : market.person(manager);
        long confirmed = registrar.post("/trades/" + tradeId + "/registration/confirm", "{}").ok().sourceIndex();
        String seller = row.path("seller").asText();
        JsonNode payout = instructed(confirmed, seller);
        execute(payout);
        tally.trades++;
        tally.registrars.add(manager.isEmpty() ? "staff" : manager);
        tally.paid.merge(payout.path("currency").asText(), money(payout, "amount"), BigDecimal::add);
        return new Settlement(tradeId, row.path("buyer").asText(), seller, row.path("due").asText(),
                manager.isEmpty() ? "staff" : manager,
                payout.path("instructionId").asText(), payout.path("amount").asText());
    }

    /** The bank confirms funds received for a participant's account, under its own reference. */
    void receive(String participant, String currency, String amount) {
        bank.post("/cash/receipts", """
                {"participantId":"%s","currency":"%s","amount":"%s","bankReference":"%s","valueDate":"%s"}"""
                .formatted(participant, currency, amount, reference("BR"), valueDate())).ok();
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
        bank.post("/cash/instructions/" + instruction.path("instructionId").asText() + "/executed", """
                {"bankReference":"%s","valueDate":"%s"}""".formatted(reference("BP"), valueDate())).ok();
        books.merge(instruction.path("currency").asText(), money(instruction, "amount").negate(), BigDecimal::add);
    }

    /**
     * The bank's statement in {@code currency} of the day of its last confirmation (a day closed by the time this
     * runs): its own balance, which the engine checks against its escrow total; the statement as staff read it.
     */
    JsonNode statement(String currency) {
        String date = lastValueDate.toString();
        BigDecimal balance = books.getOrDefault(currency, BigDecimal.ZERO.setScale(2));
        bank.post("/cash/statements", """
                {"currency":"%s","statementDate":"%s","closingBalance":"%s","bankReference":"%s"}"""
                .formatted(currency, date, balance.toPlainString(), reference("BS"))).ok();
        for (JsonNode statement : market.staff1().get("/cash/statements").ok().body().path("statements")) {
            if (currency.equals(statement.path("currency").asText()) && date.equals(statement.path("statementDate").asText())) {
                return statement;
            }
        }
        throw new IllegalStateException("the bank's " + currency + " statement of " + date + " was not recorded");
    }

    /**
     * Prints what the bank and the parties did for the trades of the scene just run, if any, in English and Chinese,
     * and starts the next scene's count.
     */
    void report(String scene, String sceneZh) {
        if (tally.trades == 0 && tally.receipts.isEmpty()) {
            return;
        }
        String registrars = String.join(", ", tally.registrars);
        String paid = String.join(", ", tally.paid.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toPlainString())
                .toList());
        System.out.println("money (" + scene + "): " + tally.trades + " trade(s) settled delivery versus payment; " + BANK
                + " confirmed " + (tally.receipts.isEmpty() ? "no receipt" : "receipts of " + String.join(", ", tally.receipts))
                + "; each buyer funded its trade, the registration change was confirmed by " + registrars + ", and "
                + BANK + " executed " + tally.trades + " payout(s) of the sellers' proceeds (" + paid + ") / 资金（" + sceneZh
                + "）：" + tally.trades + " 笔交易货银对付交收；银行确认收款后，买方付款，由" + String.join("、", tally.registrars
                .stream().map(r -> r.equals("staff") ? "工作人员" : " " + r + " ").toList()) + "确认登记变更，银行执行 " + tally.trades + " 笔卖方价款付款（" + paid + "）");
        tally.clear();
    }

    /** A trade of the registry's delivery-versus-payment rows in {@code status}, as staff read it. */
    JsonNode trade(long tradeId, String status) {
        for (JsonNode row : market.staff1().get("/cash/trades?status=" + status + "&limit=1000").ok().body().path("trades")) {
            if (row.path("tradeId").asLong() == tradeId) {
                return row;
            }
        }
        throw new IllegalStateException("trade " + tradeId + " is not " + status + " (was it made without the bank?)");
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

    /** The platform zone's date now: never after the command's, never before an instruction answered earlier. */
    private String valueDate() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        lastValueDate = lastValueDate == null || today.isAfter(lastValueDate) ? today : lastValueDate;
        return today.toString();
    }

    private String reference(String prefix) {
        return "DEMO-" + prefix + "-%04d".formatted(++references);
    }

    /** What the bank did since the last {@link #report}. */
    private static final class Tally {
        private final List<String> receipts = new ArrayList<>();
        private final Set<String> registrars = new TreeSet<>();
        private final Map<String, BigDecimal> paid = new TreeMap<>();
        private int trades;

        void clear() {
            receipts.clear();
            registrars.clear();
            paid.clear();
            trades = 0;
        }
    }
}
