package fundexchange.protocol;

/**
 * What the engine decided. For REJECTED: the stable numeric {@code code}, its name and a message. For DUPLICATE:
 * {@code duplicateOf} is the original command's index and {@code code}/{@code reason} repeat its outcome.
 */
public record Outcome(OutcomeStatus status, int code, String reason, String message, long duplicateOf) {
    public static final Outcome ACCEPTED = new Outcome(OutcomeStatus.ACCEPTED, 0, null, null, 0);

    public static Outcome rejected(int code, String reason, String message) {
        return new Outcome(OutcomeStatus.REJECTED, code, reason, message, 0);
    }

    public Outcome asDuplicateOf(long originalIndex) {
        return new Outcome(OutcomeStatus.DUPLICATE, code, reason, message, originalIndex);
    }
}
