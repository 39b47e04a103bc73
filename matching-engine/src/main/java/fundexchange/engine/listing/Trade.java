package fundexchange.engine.listing;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * A trade; its id is {@code sourceIndex * 4096 + n} (CONTRACTS.md 11). Not confirmed by {@code settleBy} (epoch ms;
 * 0: no deadline) it fails by the clock. A trade on a non-listed offer has {@code offerId} and {@code listingId} 0.
 */
public record Trade(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                    Price price, Money consideration, boolean buyerReservedHolderRoom, TradeStatus status, long settleBy,
                    Long offerId) {
    /** A trade on a listing. */
    public Trade(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                 Money consideration, boolean buyerReservedHolderRoom, TradeStatus status, long settleBy) {
        this(tradeId, listingId, fundCode, seller, buyer, units, price, consideration, buyerReservedHolderRoom, status,
                settleBy, null);
    }

    public Trade withStatus(TradeStatus newStatus) {
        return new Trade(tradeId, listingId, fundCode, seller, buyer, units, price, consideration,
                buyerReservedHolderRoom, newStatus, settleBy, offerId);
    }
}
