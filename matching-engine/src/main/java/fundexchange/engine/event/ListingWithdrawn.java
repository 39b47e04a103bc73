package fundexchange.engine.event;

import fundexchange.engine.money.Units;

/**
 * The seller withdrew the listing; it is CANCELLED and its units unlocked. Carries no party ids.
 */
public record ListingWithdrawn(long listingId, Units unitsUnlocked) implements Event {
}
