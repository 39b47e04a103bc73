package fundexchange.audit.report;

/** How many events of one type the day holds. */
public record TypeCount(String type, long count) {
}
