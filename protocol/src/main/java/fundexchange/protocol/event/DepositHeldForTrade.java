package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * Rules version 8: the buyer's deposit on listing {@code listingId} now secures trade {@code tradeId}: it stays in the
 * buyer's locked cash, applied to the price when the buyer funds the trade, forfeited if it fails to fund by the
 * deadline, released if the trade ends otherwise (delivery versus payment). Seen by the buyer, staff and regulators.
 */
public record DepositHeldForTrade(long listingId, long tradeId, String participantId, String currency, Money amount)
        implements CashEvent {
}
