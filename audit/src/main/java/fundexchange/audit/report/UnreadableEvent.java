package fundexchange.audit.report;

/**
 * An event of the day this version cannot read as a record (a type it does not know, or a body its record refuses):
 * it has no row in the typed sections, so the report names it here instead of leaving it out without trace.
 * {@code position} is the event's place in its document (0 first).
 */
public record UnreadableEvent(long sourceIndex, String time, int position, String type) {
}
