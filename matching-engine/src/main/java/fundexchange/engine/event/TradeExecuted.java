package fundexchange.engine.event;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Multiple;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * A trade, pending settlement until {@code settleBy} (epoch ms; 0 none); identities are revealed to both sides. A
 * trade of a listing names it; a fill of the continuous book has {@code listingId} 0 and names its two orders and
 * its business date {@code tradeDate} (the daily batch it settles in). The last three are absent otherwise.
 */
public record TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                            Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                            boolean buyerReservedHolderRoom, long settleBy, Long buyOrderId, Long sellOrderId,
                            String tradeDate) implements Event {
    /** A trade of a listing. */
    public TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                         Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                         boolean buyerReservedHolderRoom, long settleBy) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, percentOfNavBasisPoints,
                multipleOfCost, buyerReservedHolderRoom, settleBy, null, null, null);
    }

    /** True for a fill of the continuous book. */
    public boolean bookTrade() {
        return buyOrderId != null;
    }
}
