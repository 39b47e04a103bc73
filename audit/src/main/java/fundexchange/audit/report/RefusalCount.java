package fundexchange.audit.report;

/**
 * How many of one participant's commands were refused with one code on the day; {@code participant} is absent for an
 * unsigned command, {@code name} when the journal does not hold it.
 */
public record RefusalCount(String participant, String name, int code, String reason, long count) {
}
