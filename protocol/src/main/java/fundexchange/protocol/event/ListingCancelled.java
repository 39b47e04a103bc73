package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** The exchange cancelled a listing (ROFR exercised, or a seller failing the rules at the close); units unlocked. */
public record ListingCancelled(long listingId, Units unitsUnlocked, int rejectCode, String reason) implements ListingEvent {
}
