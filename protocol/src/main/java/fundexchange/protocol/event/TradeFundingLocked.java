package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * The buyer locked {@code amount} of its available cash for a trade settled delivery versus payment (rules version 8);
 * {@code funded} is all now locked for it (a deposit held for it included) and {@code due} the consideration plus the
 * buyer's fee.
 */
public record TradeFundingLocked(long tradeId, String buyer, String currency, Money amount, Money funded, Money due)
        implements CashEvent {
}
