package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** A trade failed settlement (deadline passed, or a staff override); the seller's units are unlocked. */
public record TradeFailed(long tradeId, String fundCode, String seller, String buyer, Units units, int rejectCode,
                          String reason) implements TradeEvent {
}
