package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * A trade settled delivery versus payment ended without its cash settling (rules version 8): {@code released} of the
 * buyer's locked cash for it returns to the buyer's available cash, and {@code forfeited} (a deposit held for it, when
 * the buyer failed to fund by the deadline) goes to the seller's available cash as compensation.
 */
public record TradeFundingReleased(long tradeId, String seller, String buyer, String currency, Money released,
                                   Money forfeited) implements CashEvent {
}
