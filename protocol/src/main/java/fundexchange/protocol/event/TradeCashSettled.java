package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * A trade's cash settles (rules version 8), after its units moved: the buyer's locked cash for it (its funding and
 * {@code depositApplied}, a deposit held for it) goes {@code consideration - sellerFee} to the seller's available cash,
 * both fees to the platform's REVENUE account, and {@code released} (a deposit larger than what was due) back to the
 * buyer's available cash.
 */
public record TradeCashSettled(long tradeId, String fundCode, String seller, String buyer, String currency,
                               Money consideration, Money buyerFee, Money sellerFee, Money depositApplied,
                               Money released) implements CashEvent {
    /** What the seller receives: the consideration less its fee. */
    public Money proceeds() {
        return consideration.minus(sellerFee);
    }
}
