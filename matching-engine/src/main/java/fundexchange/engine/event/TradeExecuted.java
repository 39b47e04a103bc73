package fundexchange.engine.event;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Multiple;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/** A trade, pending settlement until {@code settleBy} (epoch ms; 0 none); identities are revealed to both sides. */
public record TradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer, Units units,
                            Price price, Money consideration, long percentOfNavBasisPoints, Multiple multipleOfCost,
                            boolean buyerReservedHolderRoom, long settleBy) implements Event {
}
