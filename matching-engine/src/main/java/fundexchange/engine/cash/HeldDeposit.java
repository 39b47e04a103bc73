package fundexchange.engine.cash;

import fundexchange.protocol.money.Money;

/**
 * A winning bidder's deposit (保证金) still locked in its cash account after an auction's close, held for the trade the
 * win made: applied to the price when the buyer funds the trade, forfeited if it fails to fund by the deadline, released
 * if the trade ends otherwise (issue 22).
 */
public record HeldDeposit(long tradeId, String listingId, String participantId, String currency, Money amount) {
}
