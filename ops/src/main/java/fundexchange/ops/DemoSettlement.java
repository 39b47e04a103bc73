package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How every trade of the demo settles, delivery versus payment through the settlement bank ({@link DemoBank}; issue
 * 22, docs/rules.md "Delivery versus payment and fees"): the bank confirms a receipt of what the buyer's available cash
 * lacks ({@link #cover}), the buyer funds the trade ({@code FundTrade}), its registrar (the fund's manager; staff for a
 * fund without a manager participant) confirms the registration change, at which the settlement becomes final (and
 * the seller is paid), and the bank confirms the seller's payout executed ({@link #registerAndPay}). A registrar may
 * instead refuse the change ({@link #refuse}): the trade fails and unwinds, and the buyer's refunded cash is paid back.
 * Each scene's steps are printed by {@link #report}.
 */
final class DemoSettlement {
    private final DemoMarket market;
    private final DemoBank bank;
    private final Tally tally = new Tally();

    private DemoSettlement(DemoMarket market, DemoBank bank) {
        this.market = market;
        this.bank = bank;
    }

    /** Onboards the bank (Bank-01) and makes the market settle every trade through it. */
    static DemoSettlement open(DemoMarket market, DemoBank bank) {
        DemoSettlement settlement = new DemoSettlement(market, bank);
        market.settleThrough(settlement);
        System.out.println("settlement bank: " + DemoBank.BANK + " is active, so every trade of the demo settles delivery"
                + " versus payment: the buyer funds it, the registration change is confirmed, then the bank pays the seller"
                + " / 结算银行 " + DemoBank.BANK + " 已启用：演示中的每笔交易均货银对付交收：买方付款、确认登记变更后，银行向卖方付款");
        return settlement;
    }

    /** What one trade's settlement did. */
    record Settlement(long tradeId, String buyer, String seller, String due, String registrar, String instructionId,
                      String proceeds) {
    }

    /** A receipt the bank confirmed so that a buyer could fund its trades. */
    private record Receipt(String buyer, String currency, BigDecimal amount) {
        String english() {
            return currency + " " + amount.toPlainString() + " for " + buyer;
        }

        String chinese() {
            return buyer + " " + currency + " " + amount.toPlainString();
        }
    }

    /** What a buyer owes in one currency. */
    private record Owed(String buyer, String currency) {
    }

    /**
     * Settles a trade awaiting funding delivery versus payment: the bank confirms what the buyer lacks, the buyer funds
     * it, its registrar confirms the registration change, and the bank pays the seller's proceeds.
     */
    Settlement settle(long tradeId) {
        fund(tradeId);
        return registerAndPay(tradeId);
    }

    /**
     * A trade awaiting funding whose registrar refuses its registration change once the buyer has funded it: the trade
     * fails and unwinds (the units stay with, or return to, the seller), the buyer's funding is refunded to its
     * available cash, and the buyer withdraws it, which the bank pays.
     */
    void refuse(long tradeId, String reason) {
        fund(tradeId);
        JsonNode row = trade(tradeId, "AWAITING_REGISTRATION");
        String registrar = registrar(row);
        // The reason is the demo's own text, plain enough to need no JSON escaping.
        signer(registrar).post("/trades/" + tradeId + "/registration/refuse", "{\"reason\":\"" + reason + "\"}").ok();
        trade(tradeId, "FAILED");
        String buyer = row.path("buyer").asText();
        String currency = row.path("currency").asText();
        BigDecimal refunded = DemoBank.money(row, "funded");
        BigDecimal available = DemoBank.money(bank.account(buyer, currency), "available");
        long index = market.person(buyer).post("/cash/withdrawals", """
                {"currency":"%s","amount":"%s"}""".formatted(currency, refunded.toPlainString())).ok().sourceIndex();
        bank.execute(bank.instructed(index, buyer));
        tally.refusals.add(new Refusal(tradeId, buyer, row.path("seller").asText(), registrar, currency, refunded,
                available, reason));
    }

    /**
     * Confirms receipts for the buyers of {@code tradeIds} (each awaiting funding) of what their available cash lacks
     * for all of them, per buyer and currency; the trades' rows, in the order given.
     */
    List<JsonNode> cover(List<Long> tradeIds) {
        List<JsonNode> rows = new ArrayList<>();
        Map<Owed, BigDecimal> owed = new TreeMap<>(Comparator.comparing(Owed::buyer).thenComparing(Owed::currency));
        for (long tradeId : tradeIds) {
            JsonNode row = trade(tradeId, "AWAITING_FUNDING");
            rows.add(row);
            owed.merge(new Owed(row.path("buyer").asText(), row.path("currency").asText()),
                    DemoBank.money(row, "due").subtract(DemoBank.money(row, "funded")), BigDecimal::add);
        }
        owed.forEach((key, amount) -> {
            BigDecimal lacking = amount.subtract(DemoBank.money(bank.account(key.buyer(), key.currency()), "available"));
            if (lacking.signum() > 0) {
                bank.receive(key.buyer(), key.currency(), lacking.toPlainString());
                tally.receipts.add(new Receipt(key.buyer(), key.currency(), lacking));
            }
        });
        return rows;
    }

    /**
     * A funded trade: its registrar (the fund's manager, else staff) confirms the registration change, at which the
     * settlement becomes final (and the seller is paid), and the bank executes the payout of the seller's proceeds that
     * the confirmation instructed.
     */
    Settlement registerAndPay(long tradeId) {
        JsonNode row = trade(tradeId, "AWAITING_REGISTRATION");
        String registrar = registrar(row);
        long confirmed = signer(registrar).post("/trades/" + tradeId + "/registration/confirm", "{}").ok()
                .sourceIndex();
        String seller = row.path("seller").asText();
        JsonNode payout = bank.instructed(confirmed, seller);
        bank.execute(payout);
        tally.trades++;
        tally.registrars.add(registrar);
        tally.paid.merge(payout.path("currency").asText(), DemoBank.money(payout, "amount"), BigDecimal::add);
        return new Settlement(tradeId, row.path("buyer").asText(), seller, row.path("due").asText(), registrar,
                payout.path("instructionId").asText(), payout.path("amount").asText());
    }

    /**
     * Prints what the bank and the parties did for the trades of the scene just run, if any, in English and Chinese
     * from the same facts, and starts the next scene's count.
     */
    void report(String scene, String sceneZh) {
        if (tally.trades == 0 && tally.receipts.isEmpty() && tally.refusals.isEmpty()) {
            return;
        }
        String paid = String.join(", ", tally.paid.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toPlainString()).toList());
        String receipts = String.join(", ", tally.receipts.stream().map(Receipt::english).toList());
        String receiptsZh = String.join("，", tally.receipts.stream().map(Receipt::chinese).toList());
        StringBuilder english = new StringBuilder("money (" + scene + "): " + tally.trades + " trade(s) settled delivery"
                + " versus payment; " + DemoBank.BANK + " confirmed " + (receipts.isEmpty() ? "no receipt" : "receipts of "
                + receipts) + "; each buyer funded its trade, the registration change was confirmed by "
                + String.join(", ", tally.registrars) + ", and " + DemoBank.BANK + " executed " + tally.trades
                + " payout(s) of the sellers' proceeds (" + paid + ")");
        StringBuilder chinese = new StringBuilder("资金（" + sceneZh + "）：" + tally.trades + " 笔交易货银对付交收；"
                + (receiptsZh.isEmpty() ? "银行未确认收款" : "银行确认收款：" + receiptsZh) + "；各买方为其交易付款，由"
                + String.join("、", tally.registrars.stream().map(DemoSettlement::chinese).toList()) + "确认登记变更，银行执行 "
                + tally.trades + " 笔卖方价款付款（" + paid + "）");
        for (Refusal refusal : tally.refusals) {
            english.append("; trade ").append(refusal.tradeId()).append("'s registration change was refused by ")
                    .append(refusal.registrar()).append(" (\"").append(refusal.reason()).append("\") after ")
                    .append(refusal.buyer()).append(" funded it: the trade failed and unwound, ").append(refusal.buyer())
                    .append("'s ").append(refusal.currency()).append(" ").append(refusal.refunded().toPlainString())
                    .append(" was refunded (available ").append(refusal.available().toPlainString()).append("), and ")
                    .append(DemoBank.BANK).append(" paid it back on its withdrawal");
            chinese.append("；交易 ").append(refusal.tradeId()).append(" 在 ").append(refusal.buyer()).append(" 付款后，")
                    .append(chinese(refusal.registrar())).append("拒绝登记变更：交易失败并回转，")
                    .append(refusal.buyer()).append(" 的 ").append(refusal.currency()).append(" ")
                    .append(refusal.refunded().toPlainString()).append(" 已退回（可用 ")
                    .append(refusal.available().toPlainString()).append("），其提取后由银行付款");
        }
        System.out.println(english + " / " + chinese);
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

    /** The bank confirms what the buyer of a trade awaiting funding lacks, and the buyer funds the trade. */
    private void fund(long tradeId) {
        String buyer = cover(List.of(tradeId)).getFirst().path("buyer").asText();
        JsonNode answer = market.person(buyer).post("/trades/" + tradeId + "/fund", "{}").ok().body();
        boolean funded = false;
        for (JsonNode event : answer.path("events")) {
            funded |= "TradeFunded".equals(event.path("type").asText()) && event.path("tradeId").asLong() == tradeId;
        }
        if (!funded) {
            throw new IllegalStateException("trade " + tradeId + " was not funded: " + answer);
        }
    }

    /** The trade's registrar: the fund's manager participant, else (a fund without one) Staff-01. */
    private static String registrar(JsonNode row) {
        return row.hasNonNull("manager") && !row.path("manager").asText().isEmpty() ? row.path("manager").asText() : STAFF;
    }

    /** Who signs for a registrar: staff as Staff-01. */
    private Participant signer(String registrar) {
        return registrar.equals(STAFF) ? market.staff1() : market.person(registrar);
    }

    private static String chinese(String registrar) {
        return registrar.equals(STAFF) ? "工作人员" : registrar;
    }

    private static final String STAFF = "staff";

    /** A registration change refused: the refund, and the buyer's available cash with it, before it was paid back. */
    private record Refusal(long tradeId, String buyer, String seller, String registrar, String currency,
                           BigDecimal refunded, BigDecimal available, String reason) {
    }

    /** What the bank and the parties did since the last {@link #report}. */
    private static final class Tally {
        private final List<Receipt> receipts = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();
        private final Set<String> registrars = new TreeSet<>();
        private final Map<String, BigDecimal> paid = new TreeMap<>();
        private int trades;

        void clear() {
            receipts.clear();
            refusals.clear();
            registrars.clear();
            paid.clear();
            trades = 0;
        }
    }
}
