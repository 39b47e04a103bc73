package fundexchange.protocol;

/** ACCEPTED and REJECTED are decisions; DUPLICATE repeats an earlier decision without a second effect. */
public enum OutcomeStatus {
    ACCEPTED, REJECTED, DUPLICATE
}
