package fundexchange.protocol.command;

/**
 * Staff assign the unidentified receipt {@code bankReference}, held in suspense, to {@code participantId}'s account
 * of its currency, with the {@code reason} (how it was identified); maker-checker.
 */
public record AssignSuspenseReceipt(String bankReference, String participantId, String reason)
        implements SensitiveAction {
}
