package fundexchange.audit.report;

/** How many commands were rejected with one code; {@code reason} is the code's name. */
public record RejectionCount(int code, String reason, long count) {
}
