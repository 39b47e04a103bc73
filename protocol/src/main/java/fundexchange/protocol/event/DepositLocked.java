package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * Rules version 8: {@code participantId}'s bid deposit (保证金) for listing {@code listingId} moved from its available to
 * its locked cash in {@code currency}, at its first bid or acceptance (or its match of an auction's clearing price).
 * It names a bidder, so only that participant, staff and regulators see it (a sealed bid's existence is private).
 */
public record DepositLocked(long listingId, String participantId, String currency, Money amount) implements CashEvent {
}
