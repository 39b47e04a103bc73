package fundexchange.protocol.transfer;

/** How a transfer notice ended for the sale to others: allowed (the first four) or not (the last three). */
public enum ConsentOutcome {
    NOT_REQUIRED, GIVEN, GIVEN_BY_SILENCE, OVERRIDDEN, REFUSED, REFUSED_BY_SILENCE, NOT_ATTESTED;

    /** Whether the listing may go on to the others (units left after exercises). */
    public boolean allows() {
        return ordinal() <= OVERRIDDEN.ordinal();
    }
}
