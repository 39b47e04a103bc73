package fundexchange.engine.event;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;

/** Settlement confirmed: units and cost basis moved; {@code settledOn} (business date) starts the anti-flip period. */
public record TradeSettled(long tradeId, String fundCode, String seller, String buyer, Units units, Money consideration,
                           Money sellerCostReleased, int holderCount, String settledOn) implements Event {
}
