package fundexchange.engine.listing;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A trade; its id is {@code sourceIndex * 4096 + n} (CONTRACTS.md 11). Not confirmed by {@code settleBy} (epoch ms;
 * 0: no deadline) it fails by the clock. A fill of the continuous book has {@code listingId} 0, names its orders and
 * carries its business date {@code tradeDate}; a trade on a non-listed offer has {@code listingId} 0 and
 * {@code offerId}. Fields that do not apply are null.
 */
public record Trade(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                    Price price, Money consideration, boolean buyerReservedHolderRoom, TradeStatus status, long settleBy,
                    Long buyOrderId, Long sellOrderId, String tradeDate, Long offerId) {
    /** A trade on a listing. */
    public Trade(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                 Money consideration, boolean buyerReservedHolderRoom, TradeStatus status, long settleBy) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, buyerReservedHolderRoom, status,
                settleBy, null, null, null, null);
    }

    /** A fill of the continuous book. */
    public Trade(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                 Money consideration, boolean buyerReservedHolderRoom, TradeStatus status, long settleBy,
                 Long buyOrderId, Long sellOrderId, String tradeDate) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, buyerReservedHolderRoom, status,
                settleBy, buyOrderId, sellOrderId, tradeDate, null);
    }

    /** A trade on a non-listed offer. */
    public Trade(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                 Money consideration, boolean buyerReservedHolderRoom, TradeStatus status, long settleBy, Long offerId) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, buyerReservedHolderRoom, status,
                settleBy, null, null, null, offerId);
    }

    public Trade withStatus(TradeStatus newStatus) {
        return new Trade(tradeId, listingId, fundCode, seller, buyer, units, price, consideration,
                buyerReservedHolderRoom, newStatus, settleBy, buyOrderId, sellOrderId, tradeDate, offerId);
    }

    /** A fill of the continuous book (it names its two orders) rather than a listing's trade. */
    public boolean bookTrade() {
        return buyOrderId != null;
    }
}
