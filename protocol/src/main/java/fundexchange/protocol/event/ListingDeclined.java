package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/**
 * The named investor declined; the listing is CANCELLED and its units unlocked. Carries no party ids, so no
 * answer or feed can reveal the counterparty before a trade.
 */
public record ListingDeclined(long listingId, Units unitsUnlocked) implements ListingEvent {
}
