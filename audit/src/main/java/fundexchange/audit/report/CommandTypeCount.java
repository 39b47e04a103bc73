package fundexchange.audit.report;

/** The day's commands of one type by outcome; the type is read from the command journal's {@code type} field. */
public record CommandTypeCount(String type, long accepted, long rejected, long duplicate) {
}
