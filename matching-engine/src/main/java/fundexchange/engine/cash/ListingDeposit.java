package fundexchange.engine.cash;

import fundexchange.protocol.money.Money;

/**
 * A participant's bid deposit (保证金) locked on a listing (rules version 8) until the close: released to a loser,
 * held for the winner's trade ({@link HeldDeposit}). The amount is in the participant's locked balance.
 */
public record ListingDeposit(long listingId, String participantId, String currency, Money amount) {
}
