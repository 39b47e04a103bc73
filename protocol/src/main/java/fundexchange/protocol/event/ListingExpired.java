package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** The listing's deadline passed; the units are unlocked. */
public record ListingExpired(long listingId, Units unitsUnlocked) implements ListingEvent {
}
