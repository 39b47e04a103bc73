package fundexchange.audit.report;

/** One listing event: the listing, its mechanism, the state the event put it in and the event's type. */
public record ListingActivity(long sourceIndex, String time, long listingId, String mechanism, String state,
                              String eventType) {
}
