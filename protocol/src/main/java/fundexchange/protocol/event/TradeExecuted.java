package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A trade, pending settlement until {@code settleBy} (epoch ms; 0 none); identities are revealed to both sides. A
 * trade of a listing names it; a fill of the continuous book has {@code listingId} 0 and names its two orders and
 * its business date {@code tradeDate} (the daily batch it settles in); a trade from a non-listed offer (an accepted
 * quote or an agreed match) has {@code listingId} 0 and carries {@code offerId}. A trade settled delivery versus payment
 * (rules version 8, a settlement bank active) carries the fees each side pays at settlement ({@code buyerFee},
 * {@code sellerFee}). Fields that do not apply are absent.
 */
public record TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                            Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                            boolean buyerReservedHolderRoom, long settleBy, Long buyOrderId, Long sellOrderId,
                            String tradeDate, Long offerId, Money buyerFee, Money sellerFee) implements TradeEvent {
    /** A trade without fees: every trade before rules version 8, and one not settled delivery versus payment. */
    public TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                         Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                         boolean buyerReservedHolderRoom, long settleBy, Long buyOrderId, Long sellOrderId,
                         String tradeDate, Long offerId) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, percentOfNavBasisPoints,
                multipleOfCost, buyerReservedHolderRoom, settleBy, buyOrderId, sellOrderId, tradeDate, offerId, null, null);
    }

    /** A trade of a listing. */
    public TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                         Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                         boolean buyerReservedHolderRoom, long settleBy) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, percentOfNavBasisPoints,
                multipleOfCost, buyerReservedHolderRoom, settleBy, null, null, null, null);
    }

    /** A fill of the continuous book. */
    public TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                         Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                         boolean buyerReservedHolderRoom, long settleBy, Long buyOrderId, Long sellOrderId,
                         String tradeDate) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, percentOfNavBasisPoints,
                multipleOfCost, buyerReservedHolderRoom, settleBy, buyOrderId, sellOrderId, tradeDate, null);
    }

    /** A trade on a non-listed offer. */
    public TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                         Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                         boolean buyerReservedHolderRoom, long settleBy, Long offerId) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, percentOfNavBasisPoints,
                multipleOfCost, buyerReservedHolderRoom, settleBy, null, null, null, offerId);
    }

    /** True for a fill of the continuous book. */
    public boolean bookTrade() {
        return buyOrderId != null;
    }

    /** The same trade made on a non-listed offer instead of a listing. */
    public TradeExecuted onOffer(long offer) {
        return withFees(buyerFee, sellerFee, offer);
    }

    /** The same trade with its fees (rules version 8). */
    public TradeExecuted withFees(Money buyerPays, Money sellerPays) {
        return withFees(buyerPays, sellerPays, offerId);
    }

    private TradeExecuted withFees(Money buyerFeeNow, Money sellerFeeNow, Long offer) {
        return new TradeExecuted(tradeId, offer == null ? listingId : 0, fundCode, seller, buyer, units, price,
                consideration, percentOfNavBasisPoints, multipleOfCost, buyerReservedHolderRoom, settleBy,
                offer == null ? buyOrderId : null, offer == null ? sellOrderId : null, offer == null ? tradeDate : null,
                offer, buyerFeeNow, sellerFeeNow);
    }
}
