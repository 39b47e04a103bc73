package fundexchange.protocol.cash;

/**
 * Names one cash account of a currency: a participant's ({@code kind} PARTICIPANT with its {@code participantId}) or
 * one of the platform's ({@code kind} SUSPENSE or REVENUE, {@code participantId} absent). The currency is the
 * enclosing command's or event's.
 */
public record AccountRef(AccountKind kind, String participantId) {
    /** The participant's account. */
    public static AccountRef participant(String participantId) {
        return new AccountRef(AccountKind.PARTICIPANT, participantId);
    }

    /** The platform's suspense account. */
    public static final AccountRef SUSPENSE = new AccountRef(AccountKind.SUSPENSE, null);
    /** The platform's revenue account. */
    public static final AccountRef REVENUE = new AccountRef(AccountKind.REVENUE, null);

    /** Whether this is a well-formed reference: a participant id exactly when the kind is PARTICIPANT. */
    public boolean wellFormed() {
        return kind != null && (kind == AccountKind.PARTICIPANT) == (participantId != null);
    }
}
