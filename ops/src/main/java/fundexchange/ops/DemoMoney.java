package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.PlatformParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Money in the demo (issue 22, docs/rules.md "Cash" and "Delivery versus payment and fees"), run after every other
 * scene. Bank-01 (BANK role, its own key) has been active since before the first trade ({@link DemoBank}), so every
 * trade of the demo settled delivery versus payment; this scene shows the bank's side whole. The bank confirms
 * receipts that fund investors' accounts in CNY and in USD (DF07 and DF14 are USD funds); Partner-03 sells DF22 units
 * to Investor-02, who funds the trade from its cash, Manager-01 (the fund's manager) confirms the registration change,
 * at which the settlement becomes final (and the seller is paid), and the bank executes the seller's payout; Investor-01 withdraws cash and the bank
 * pays it; an English auction asks a bid deposit (docs/rules.md "Bid deposits"): Investor-04's and Investor-05's are
 * locked at their first bids, the loser's released at the close, and the winner, Investor-05, does not fund its trade
 * by the deadline and forfeits its deposit to the seller; the bank's daily statements, its own running balance of what
 * it received less what it paid over the whole demo, match the engine's escrow per currency.
 *
 * <p>A buyer fails by journal time (docs/rules.md, "Deadlines"): the scenes after the state-owned auction run some days
 * {@link #behind} the wall clock, the auction's trade is made there with a settlement period of one business day
 * (staff set the parameter by maker-checker for it, then back to 5), and the clock then catches up with the wall clock,
 * past that deadline; every other trade was funded and registered at once, so no other deadline is near.
 */
final class DemoMoney {
    private static final String FUND = "DF22";
    /** The deposit auction's length: long enough for the listing's approval and two bids on a loaded machine. */
    private static final long AUCTION_MS = 10_000;
    private final DemoMarket market;
    private final DemoBank bank;
    private final DemoClock clock;
    private final List<String> lines = new ArrayList<>();

    DemoMoney(DemoMarket market, DemoBank bank, DemoClock clock) {
        this.market = market;
        this.bank = bank;
        this.clock = clock;
    }

    void run() {
        receive(DemoMarket.investor(1), "CNY", "50000.00");
        receive(DemoMarket.investor(2), "CNY", "30000.00");
        receive(DemoMarket.investor(3), "USD", "20000.00");
        receive(DemoMarket.investor(4), "CNY", "2000.00");
        receive(DemoMarket.investor(5), "CNY", "1500.00");
        settledTrade();
        withdrawal();
        long unfunded = unfundedTrade();
        long settleBy = market.settlement().trade(unfunded, "AWAITING_FUNDING").path("settleBy").asLong();
        if (settleBy >= clock.wall().toEpochMilli()) {
            throw new IllegalStateException("trade " + unfunded + "'s settlement deadline (" + settleBy + ") is not past"
                    + " the wall clock: the scenes must run further behind it (DemoMoney.behind)");
        }
        clock.catchUp();
        lines.add("the demo's clock caught up with the wall clock, past trade " + unfunded + "'s settlement deadline"
                + " / 演示时钟追上实际时间，已过交易 " + unfunded + " 的交收期限");
        // The statement is the first command after the deadline: the engine fails the trade before recording it.
        statement("CNY");
        statement("USD");
        failed(unfunded);
        System.out.println();
        System.out.println("== Money: the settlement bank, delivery versus payment, escrow / 资金：结算银行、货银对付、托管账户 ==");
        lines.forEach(line -> System.out.println("  " + line));
        balances();
    }

    /** The bank confirms funds received for an investor's account, under its own reference. */
    private void receive(String participant, String currency, String amount) {
        bank.receive(participant, currency, amount);
        lines.add("receipt: " + DemoBank.BANK + " confirmed " + currency + " " + amount + " received for " + participant
                + " / 银行确认收到 " + participant + " 的资金 " + currency + " " + amount);
    }

    /**
     * Partner-03 sells 2,000 DF22 units to Investor-02 (every other holder waives first refusal: the buyer, which holds
     * DF22 units since the consent scene, is not asked); the buyer funds what it owes, the manager confirms the registration change, and the bank pays the seller's proceeds.
     */
    private void settledTrade() {
        String seller = DemoConsent.partner(3);
        String buyer = DemoMarket.investor(2);
        long listing = market.person(seller).post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"2000.00","price":"1.1500"}""".formatted(FUND, buyer)).ok().sourceIndex();
        for (String holder : List.of(DemoConsent.partner(1), DemoConsent.partner(2))) {
            market.person(holder).post("/listings/" + listing + "/notice/answers", "{\"answer\":\"WAIVE\"}").ok();
        }
        market.staff2().post("/listings/" + listing + "/approve", "{}").ok();
        long trade = NegotiatedTransferScript.eventOfType(market.person(buyer).post("/listings/" + listing + "/accept", "{}")
                .ok(), "TradeExecuted").path("tradeId").asLong();
        DemoSettlement.Settlement settled = market.settlement().settle(trade);
        market.settlement().trade(trade, "SETTLED"); // settled on the registration change
        lines.add("trade " + trade + " (" + FUND + ", " + seller + " -> " + buyer + ", 2000.00 units at 1.1500): " + buyer
                + " funded " + settled.due() + " (consideration and fee), " + settled.registrar()
                + " confirmed the registration change, the trade settled; " + DemoBank.BANK
                + " paid the seller's proceeds " + settled.proceeds() + " (instruction " + settled.instructionId()
                + ") / 买方付款 " + settled.due() + "（含费用），管理人确认登记变更后交收，银行向卖方支付 " + settled.proceeds());
    }

    /**
     * An English auction of 10,000 DF19 units asking a deposit of 1,000.00 (Holder-01's, with a settlement period of one
     * business day): Investor-04 and Investor-05 each lock the deposit at their first bid; at the close Investor-04's is
     * released and Investor-05, the winner, has its deposit held for the trade, which it does not fund; the trade's id.
     */
    private long unfundedTrade() {
        String loser = DemoMarket.investor(4);
        String winner = DemoMarket.investor(5);
        market.script().approve("{\"type\":\"SetPlatformParameter\",\"name\":\"settlement-business-days\",\"value\":\"1\"}");
        long now = clock.millis();
        long listing = market.person(DemoMarket.holderOf(19)).post("/auctions", """
                {"fundCode":"DF19","mechanism":"ENGLISH","units":"10000.00","startingPrice":"0.9000",
                 "reservePrice":"0.9000","minIncrement":"0.0100","startsAt":%d,"endsAt":%d,"extensionWindowMs":1000,"extensionMs":1000,
                 "depositAmount":"1000.00"}"""
                .formatted(now, now + AUCTION_MS)).ok().sourceIndex();
        market.staff2().post("/listings/" + listing + "/approve", "{}").ok();
        market.person(loser).post("/listings/" + listing + "/bids", "{\"price\":\"0.9000\"}").ok();
        // A bid in the last second extends the end (by a second): the last bid's event says when it ends.
        long endsAt = NegotiatedTransferScript.eventOfType(market.person(winner).post("/listings/" + listing + "/bids",
                "{\"price\":\"0.9500\"}").ok(), "BidPlaced").path("endsAt").asLong();
        JsonNode locked = account(loser);
        awaitClockPast(endsAt);
        // Journaled after the end, so the engine closes the auction (under the one-day period) before the proposal.
        market.script().approve("{\"type\":\"SetPlatformParameter\",\"name\":\"settlement-business-days\",\"value\":\"5\"}");
        long trade = market.tradeOf(listing);
        JsonNode released = account(loser);
        JsonNode owed = trade(winner, trade);
        lines.add("deposits: English auction of listing " + listing + " (DF19, 10000.00 units) asks a deposit of 1000.00;"
                + " " + loser + " and " + winner + " each locked it at their first bid (" + loser + " locked "
                + locked.path("locked").asText() + "); at the close " + loser + "'s deposit was released (locked "
                + released.path("locked").asText() + ", available " + released.path("available").asText() + ") and "
                + winner + " won trade " + trade + " at 0.9500, owing " + owed.path("due").asText() + " (" + owed.path("funded").asText()
                + " funded) by one business day, its deposit held for the trade / 保证金：竞价挂牌 " + listing
                + " 要求保证金 1000.00，两名竞买人首次出价时冻结；结束时落选者的保证金解冻，中标者的保证金留作该交易的履约保证");
        return trade;
    }

    /** The unfunded trade failed at its deadline; the winner's deposit went to the seller. */
    private void failed(long trade) {
        String buyer = DemoMarket.investor(5);
        String seller = DemoMarket.holderOf(19);
        JsonNode row = trade(buyer, trade);
        if (!"FAILED".equals(row.path("status").asText())) {
            throw new IllegalStateException("trade " + trade + " did not fail at its settlement deadline: " + row);
        }
        JsonNode buyerAccount = account(buyer);
        JsonNode sellerAccount = account(seller);
        lines.add("deadline: trade " + trade + " failed unfunded; " + buyer + " forfeited its deposit to " + seller + " ("
                + buyer + " available " + buyerAccount.path("available").asText() + ", locked "
                + buyerAccount.path("locked").asText() + "; " + seller + " available " + sellerAccount.path("available").asText()
                + ") / 交收期限届满：交易 " + trade + " 未付款而失败，" + buyer + " 的保证金没收归卖方 " + seller);
    }

    /** Waits for the wall clock, which the demo's clock follows at its distance, to pass an auction's end. */
    private void awaitClockPast(long end) {
        try {
            for (long left = end + 1 - clock.millis(); left > 0; left = end + 1 - clock.millis()) {
                Thread.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Investor-01 withdraws part of its cash; the bank pays it. */
    private void withdrawal() {
        String investor = DemoMarket.investor(1);
        long index = market.person(investor).post("/cash/withdrawals", "{\"currency\":\"CNY\",\"amount\":\"12000.00\"}")
                .ok().sourceIndex();
        JsonNode payout = bank.instructed(index, investor);
        bank.execute(payout);
        lines.add("withdrawal: " + investor + " withdrew CNY " + payout.path("amount").asText() + "; " + DemoBank.BANK
                + " executed instruction " + payout.path("instructionId").asText() + " / " + investor + " 提取资金 CNY "
                + payout.path("amount").asText() + "，银行已付款");
    }

    /**
     * The bank's statement in {@code currency} of the day of its last confirmation: its own balance over the whole demo,
     * which the engine checks against escrow; and the accounts' balances summed against the escrow it reports.
     */
    private void statement(String currency) {
        JsonNode recorded = bank.statement(currency);
        String escrow = recorded.path("escrowBalance").asText();
        lines.add("statement " + recorded.path("statementDate").asText() + " " + currency + ": bank "
                + recorded.path("bankBalance").asText() + ", escrow " + escrow + " (" + recorded.path("status").asText()
                + ") / 银行对账单余额 " + recorded.path("bankBalance").asText() + "，托管余额 " + escrow);
        BigDecimal accounts = BigDecimal.ZERO.setScale(2);
        for (JsonNode account : market.staff1().get("/cash/accounts?currency=" + currency + "&limit=1000").ok().body()
                .path("accounts")) {
            accounts = accounts.add(DemoBank.money(account, "available")).add(DemoBank.money(account, "locked"));
        }
        boolean equal = accounts.compareTo(new BigDecimal(escrow)) == 0;
        lines.add("escrow check " + currency + ": the accounts' balances sum to " + accounts.toPlainString()
                + (equal ? " = escrow" : " != escrow (MISMATCH)") + " / 各账户余额合计" + (equal ? "等于" : "不等于") + "托管余额");
    }

    /** The cast's accounts, as staff read them. */
    private void balances() {
        for (JsonNode account : market.staff1().get("/cash/accounts?limit=1000").ok().body().path("accounts")) {
            System.out.printf("  %-12s %-8s %s  available %12s  locked %12s%n", account.path("owner").asText(
                    account.path("kind").asText()), account.path("kind").asText(), account.path("currency").asText(),
                    account.path("available").asText(), account.path("locked").asText());
        }
    }

    private JsonNode trade(String buyer, long trade) {
        for (JsonNode row : market.person(buyer).get("/cash/trades").ok().body().path("trades")) {
            if (row.path("tradeId").asLong() == trade) {
                return row;
            }
        }
        throw new IllegalStateException("trade " + trade + " is not among " + buyer + "'s trades to settle");
    }

    /** A participant's CNY account, as staff read it. */
    private JsonNode account(String owner) {
        return bank.account(owner, "CNY");
    }

    /**
     * How far behind the wall clock ({@code wall}) the scenes after the state-owned auction run, in whole days: the
     * fewest days back to a day whose next business day ends before today, and whose following day's next business day
     * ends before tomorrow, in the platform zone, on the calendars the demo's journal holds ({@link DemoCalendar}). A
     * trade made there with a settlement period of one business day is therefore due before the clock catches up with the wall clock, even when the platform date
     * changes during the run (the scenes' day and today move on together) and whatever the day the demo runs on (a
     * weekend, a holiday). Every other trade is funded and registered at once, so no other deadline matters.
     */
    static Duration behind(Instant wall) {
        // The zone the genesis gives the demo (PlatformParameters.DEFAULTS): no node runs yet to ask.
        LocalDate today = LocalDate.ofInstant(wall, ZoneId.of(PlatformParameters.DEFAULTS.zone()));
        for (int days = 1; ; days++) {
            LocalDate day = today.minusDays(days);
            if (DemoCalendar.nextBusinessDay(day).isBefore(today)
                    && DemoCalendar.nextBusinessDay(day.plusDays(1)).isBefore(today.plusDays(1))) {
                return Duration.ofDays(days);
            }
        }
    }

    /** Lines printed, for the summary's checks. */
    List<String> lines() {
        return List.copyOf(lines);
    }
}
