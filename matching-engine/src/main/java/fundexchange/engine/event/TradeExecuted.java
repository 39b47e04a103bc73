package fundexchange.engine.event;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Multiple;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * A trade, pending settlement until {@code settleBy} (epoch ms; 0 none); identities are revealed to both sides. A
 * trade from a non-listed offer (an accepted quote or an agreed match) carries {@code offerId} and {@code listingId}
 * 0; every other trade has no {@code offerId} (absent in the journal).
 */
public record TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                            Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                            boolean buyerReservedHolderRoom, long settleBy, Long offerId) implements Event {
    /** A trade on a listing. */
    public TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                         Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                         boolean buyerReservedHolderRoom, long settleBy) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, percentOfNavBasisPoints,
                multipleOfCost, buyerReservedHolderRoom, settleBy, null);
    }

    /** The same trade made on a non-listed offer instead of a listing. */
    public TradeExecuted onOffer(long offer) {
        return new TradeExecuted(tradeId, 0, fundCode, seller, buyer, units, price, consideration, percentOfNavBasisPoints,
                multipleOfCost, buyerReservedHolderRoom, settleBy, offer);
    }
}
