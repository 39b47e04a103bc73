package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * Settlement confirmed: units and cost basis moved; {@code settledOn} (business date) starts the anti-flip period.
 * {@code subscribedMoved} and {@code paidInMoved} are the seller's registered commitment that moves with the units,
 * in proportion; absent when the seller had none. {@code unitsDelivered} (rules version 9; absent: false): the units
 * and the amounts named here already moved at funding ({@code TradeUnitsDelivered}) and were locked with the buyer
 * pending this registration change; the transfer is now final and they are the buyer's to dispose of, nothing moves
 * a second time.
 */
public record TradeSettled(long tradeId, String fundCode, String seller, String buyer, Units units, Money consideration,
                           Money sellerCostReleased, int holderCount, String settledOn, Money subscribedMoved,
                           Money paidInMoved, Boolean unitsDelivered) implements TradeEvent {
    public TradeSettled(long tradeId, String fundCode, String seller, String buyer, Units units, Money consideration,
                        Money sellerCostReleased, int holderCount, String settledOn, Money subscribedMoved,
                        Money paidInMoved) {
        this(tradeId, fundCode, seller, buyer, units, consideration, sellerCostReleased, holderCount, settledOn,
                subscribedMoved, paidInMoved, null);
    }

    /** Whether the units moved at funding (rules version 9) rather than now. */
    public boolean delivered() {
        return Boolean.TRUE.equals(unitsDelivered);
    }

    public TradeSettled(long tradeId, String fundCode, String seller, String buyer, Units units, Money consideration,
                        Money sellerCostReleased, int holderCount, String settledOn) {
        this(tradeId, fundCode, seller, buyer, units, consideration, sellerCostReleased, holderCount, settledOn, null, null);
    }
}
