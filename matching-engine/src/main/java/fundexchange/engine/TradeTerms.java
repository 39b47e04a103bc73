package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import java.util.function.Supplier;

/** Builds a trade's event: consideration, % of NAV, multiple of the seller's cost, holder room and settlement deadline. */
final class TradeTerms {
    /** At most this many fills per command; trade ids are {@code index * 4096 + n} (CONTRACTS.md 11). */
    static final long FILLS_PER_COMMAND = fundexchange.engine.book.BookMatcher.FILLS_PER_COMMAND;
    private final ExchangeState state;
    private final TransferChecks checks;
    private final SettlementDeadline settlement;
    private final SettlementFees fees;

    TradeTerms(ExchangeState state, TransferChecks checks) {
        this.state = state;
        this.checks = checks;
        this.settlement = new SettlementDeadline(state);
        this.fees = new SettlementFees(state);
    }

    /**
     * The {@code fill}-th trade of the command at {@code index} and {@code time}. Throws a Rejection
     * (ARITHMETIC_OVERFLOW) if an amount leaves the documented range, FILL_CAP_REACHED past the 4096th fill,
     * CALENDAR_YEAR_NOT_SET if its settlement deadline ({@link SettlementDeadline}) needs a year without a calendar.
     */
    TradeExecuted trade(long index, int fill, long time, long listingId, Fund fund, String seller, String buyer,
                        Units units, Price price) {
        return trade(index, fill, time, listingId, fund, seller, buyer, units, price, checks.needsHolderRoom(fund, buyer),
                null, null, null, true);
    }

    /**
     * The checks of {@link #trade} but the settlement deadline, for a trade that is not made yet: an auction's
     * conditional award (rules version 6) counts no business day until its match resolves.
     */
    void checkAmounts(long index, int fill, Fund fund, String seller, Units units, Price price) {
        trade(index, fill, 0, 0, fund, seller, seller, units, price, false, null, null, null, false);
    }

    /** A fill of the continuous book: listing 0, its two orders and business date; the caller knows the holder room. */
    TradeExecuted bookTrade(long index, int fill, long time, Fund fund, String seller, String buyer, Units units,
                            Price price, boolean reservesHolderRoom, long buyOrderId, long sellOrderId, String tradeDate) {
        return trade(index, fill, time, 0, fund, seller, buyer, units, price, reservesHolderRoom, buyOrderId, sellOrderId,
                tradeDate, true);
    }

    private TradeExecuted trade(long index, int fill, long time, long listingId, Fund fund, String seller, String buyer,
                                Units units, Price price, boolean reservesHolderRoom, Long buyOrderId, Long sellOrderId,
                                String tradeDate, boolean countDeadline) {
        Rejection.check(fill >= 0 && fill < FILLS_PER_COMMAND, RejectCode.FILL_CAP_REACHED,
                "this command's index has no trade number left (at most " + FILLS_PER_COMMAND + " fills per command)");
        Position sellerPosition = state.position(fund.fundCode(), seller);
        Money consideration;
        long percentOfNav;
        Multiple multiple;
        long tradeId;
        try { // as overflowChecked, without a lambda per amount
            consideration = Pricing.consideration(units, price);
            percentOfNav = Pricing.percentOfNavBasisPoints(price, fund.nav());
            Money costOfLot = Pricing.proportionalCost(sellerPosition.cost(), units, sellerPosition.units());
            multiple = Pricing.multipleOfCost(consideration, costOfLot);
            tradeId = Math.addExact(Math.multiplyExact(index, FILLS_PER_COMMAND), fill);
        } catch (ArithmeticException e) {
            throw overflow();
        }
        long settleBy = countDeadline ? settlement.of(time) : 0;
        TradeExecuted trade = new TradeExecuted(tradeId, listingId, fund.fundCode(), seller, buyer, units, price,
                consideration, percentOfNav, multiple, reservesHolderRoom, settleBy, buyOrderId, sellOrderId, tradeDate);
        return countDeadline ? fees.withFees(trade) : trade;
    }

    /**
     * Refuses an order or bid (FEE_ABOVE_CONSIDERATION) of {@code units} at {@code price} below its mechanism's minimum
     * fee when trades settle delivery versus payment (rules version 8).
     */
    void requireFeeCovered(String mechanism, Units units, Price price) {
        Money consideration;
        try {
            consideration = Pricing.consideration(units, price);
        } catch (ArithmeticException e) {
            throw overflow();
        }
        fees.requireFeeCovered(mechanism, consideration);
    }

    /**
     * A priority-right exercise of {@code units} at {@code price} on {@code listingId}, refused (FEE_ABOVE_CONSIDERATION)
     * below its mechanism's minimum fee from rules version 9; before it an exercise is not checked.
     */
    void requireExerciseFeeCovered(long listingId, Units units, Price price) {
        if (state.rulesVersion >= fundexchange.protocol.RulesVersion.UNITS_AT_FUNDING) {
            requireFeeCovered(fees.mechanism(listingId, false), units, price);
        }
    }

    /** The trade of an acceptance, refused (FEE_ABOVE_CONSIDERATION) below its mechanism's minimum fee (version 8). */
    TradeExecuted accepted(TradeExecuted trade) {
        fees.requireFeeCovered(fees.mechanism(trade.listingId(), trade.bookTrade()), trade.consideration());
        return trade;
    }

    static <T> T overflowChecked(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    /** The refusal of an amount beyond the documented range (CONTRACTS.md: overflow-checked arithmetic). */
    private static Rejection overflow() {
        return new Rejection(RejectCode.ARITHMETIC_OVERFLOW, "amount exceeds the documented range");
    }
}
