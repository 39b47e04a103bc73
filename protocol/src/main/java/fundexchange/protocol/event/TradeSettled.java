package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * Settlement confirmed: units and cost basis moved; {@code settledOn} (business date) starts the anti-flip period.
 * {@code subscribedMoved} and {@code paidInMoved} are the seller's registered commitment that moves with the units,
 * in proportion; absent when the seller had none.
 */
public record TradeSettled(long tradeId, String fundCode, String seller, String buyer, Units units, Money consideration,
                           Money sellerCostReleased, int holderCount, String settledOn, Money subscribedMoved,
                           Money paidInMoved) implements TradeEvent {
    public TradeSettled(long tradeId, String fundCode, String seller, String buyer, Units units, Money consideration,
                        Money sellerCostReleased, int holderCount, String settledOn) {
        this(tradeId, fundCode, seller, buyer, units, consideration, sellerCostReleased, holderCount, settledOn, null, null);
    }
}
