package fundexchange.engine.event;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/** A negotiated listing awaits staff approval; the seller's units are locked. */
public record ListingSubmitted(long listingId, String fundCode, String seller, String buyer, Units units, Price price, long expiresAt) implements Event {
}
