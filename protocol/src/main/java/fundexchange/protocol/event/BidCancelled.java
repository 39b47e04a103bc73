package fundexchange.protocol.event;

/**
 * A sealed bid was withdrawn or replaced by its bidder before the close, or cancelled by the exchange with
 * {@code rejectCode} and {@code reason} (its bidder was suspended); both are absent when the bidder acted.
 */
public record BidCancelled(long listingId, long bidId, String bidder, int pseudonym, Integer rejectCode, String reason)
        implements ListingEvent {
    public BidCancelled(long listingId, long bidId, String bidder, int pseudonym) {
        this(listingId, bidId, bidder, pseudonym, null, null);
    }
}
