package fundexchange.engine.listing;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * A trade; its id is {@code sourceIndex * 4096 + n} (CONTRACTS.md 11). Not confirmed by {@code settleBy} (epoch ms;
 * 0: no deadline) it fails by the clock.
 */
public record Trade(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                    Price price, Money consideration, boolean buyerReservedHolderRoom, TradeStatus status, long settleBy) {
    public Trade withStatus(TradeStatus newStatus) {
        return new Trade(tradeId, listingId, fundCode, seller, buyer, units, price, consideration,
                buyerReservedHolderRoom, newStatus, settleBy);
    }
}
