package fundexchange.engine.event;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;

/** Settlement confirmed: units and cost basis moved. */
public record TradeSettled(long tradeId, String fundCode, String seller, String buyer, Units units, Money consideration, Money sellerCostReleased, int holderCount) implements Event {
}
