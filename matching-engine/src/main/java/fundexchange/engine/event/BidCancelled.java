package fundexchange.engine.event;

/** A sealed bid was withdrawn or replaced by its bidder before the close. */
public record BidCancelled(long listingId, long bidId, String bidder, int pseudonym) implements Event {
}
