package fundexchange.protocol.command;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.Term;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * An open bid on an ENGLISH auction: a per-unit price for the whole lot, binding once placed ({@code units} absent).
 * On a DUTCH auction, an acceptance of {@code units} at the clock price, which must not exceed {@code price}
 * ({@code units} is the Dutch auction's own term, its grammar a {@link Term}). {@code units} is frozen: a mechanism
 * added later carries its bid's own fields in {@code terms} (rules version 11), a record that
 * {@link ListingMechanism.BidTerms} permits; null for every released mechanism, and refused until a mechanism claims it.
 */
public record PlaceBid(long listingId, Price price, @Term(optional = true) Units units, ListingMechanism.BidTerms terms)
        implements Command {
    /** A bid without a mechanism's own terms (every bid before rules version 11). */
    public PlaceBid(long listingId, Price price, Units units) {
        this(listingId, price, units, null);
    }
}
