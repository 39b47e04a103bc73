package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * The registration change of a delivered trade is confirmed (rules version 9): the seller's {@code proceeds} locked for
 * it become the seller's available cash (a {@code PayoutInstructed} to the bank follows for an ACTIVE seller) and the
 * {@code fees} locked in REVENUE become REVENUE's available cash.
 */
public record TradeProceedsReleased(long tradeId, String fundCode, String seller, String buyer, String currency,
                                    Money proceeds, Money fees) implements CashEvent {
}
