package fundexchange.protocol.event;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;

/**
 * An open bid on an English auction; {@code endsAt} is the auction's end after it ({@code extended} if it moved).
 * {@code terms} (rules version 11) are the bid's mechanism's own terms as {@code PlaceBid} gave them; null for every
 * released mechanism.
 */
public record BidPlaced(long listingId, long bidId, String bidder, int pseudonym, Price price, long endsAt,
                        boolean extended, ListingMechanism.BidTerms terms) implements ListingEvent {
    /** A bid without a mechanism's own terms (every bid before rules version 11). */
    public BidPlaced(long listingId, long bidId, String bidder, int pseudonym, Price price, long endsAt,
                     boolean extended) {
        this(listingId, bidId, bidder, pseudonym, price, endsAt, extended, null);
    }

    /** This bid with {@code newTerms} as its mechanism's own terms, everything else kept. */
    public BidPlaced withTerms(ListingMechanism.BidTerms newTerms) {
        return new BidPlaced(listingId, bidId, bidder, pseudonym, price, endsAt, extended, newTerms);
    }
}
