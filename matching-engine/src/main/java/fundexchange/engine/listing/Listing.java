package fundexchange.engine.listing;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/** A negotiated listing: units offered to a named buyer at a price. Its id is the index of the command that made it. */
public record Listing(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                      long expiresAt, ListingStatus status) {
    public Listing withStatus(ListingStatus newStatus) {
        return new Listing(listingId, fundCode, seller, buyer, units, price, expiresAt, newStatus);
    }
}
