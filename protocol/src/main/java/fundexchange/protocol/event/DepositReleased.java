package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * Rules version 8: {@code participantId}'s deposit on listing {@code listingId} is available again: it lost at the
 * close, cancelled its only sealed bid, was displaced by a match, or the listing ended without its trade; or the part
 * of a deposit above the trade it secures. Seen by that participant, staff and regulators only.
 */
public record DepositReleased(long listingId, String participantId, String currency, Money amount) implements CashEvent {
}
