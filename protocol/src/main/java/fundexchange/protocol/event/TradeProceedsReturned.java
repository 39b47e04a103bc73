package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * A delivered trade unwinds (rules version 9): the seller's {@code proceeds} and the {@code fees} locked for it go back
 * to the buyer's locked cash, which the {@code TradeFundingReleased} that follows returns to the buyer's available
 * cash.
 */
public record TradeProceedsReturned(long tradeId, String fundCode, String seller, String buyer, String currency,
                                    Money proceeds, Money fees) implements CashEvent {
    /** What returns to the buyer's locked cash. */
    public Money total() {
        return proceeds.plus(fees);
    }
}
