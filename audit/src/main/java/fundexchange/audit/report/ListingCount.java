package fundexchange.audit.report;

/** How many distinct listings of a mechanism reached a state on the day. */
public record ListingCount(String mechanism, String state, long listings) {
}
