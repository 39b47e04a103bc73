package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/**
 * The seller withdrew the listing; it is CANCELLED and its units unlocked. Carries no party ids.
 */
public record ListingWithdrawn(long listingId, Units unitsUnlocked) implements ListingEvent {
}
