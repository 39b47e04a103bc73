package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * A delivered trade's cash leaves the buyer (rules version 9), with its units ({@link TradeUnitsDelivered}): of the
 * buyer's locked cash for it (its funding and {@code depositApplied}, a deposit held for it), {@code consideration -
 * sellerFee} is locked in the seller's account for payout and both fees in the platform's REVENUE account, until the
 * registration change ({@link TradeProceedsReleased}) or an unwind ({@link TradeProceedsReturned}); {@code released}
 * (a deposit larger than what was due) returns to the buyer's available cash.
 */
public record TradeProceedsLocked(long tradeId, String fundCode, String seller, String buyer, String currency,
                                  Money consideration, Money buyerFee, Money sellerFee, Money depositApplied,
                                  Money released) implements CashEvent {
    /** What the seller receives: the consideration less its fee. */
    public Money proceeds() {
        return consideration.minus(sellerFee);
    }

    /** Both fees. */
    public Money fees() {
        return buyerFee.plus(sellerFee);
    }
}
