package fundexchange.protocol.event;

/** Staff approved the listing; the named buyer may accept. */
public record ListingOpened(long listingId) implements ListingEvent {
}
