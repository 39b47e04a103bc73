package fundexchange.protocol.command;

/**
 * Staff send the unidentified receipt {@code bankReference} back to its payer, with the {@code reason}; maker-checker.
 * The amount is locked in suspense and a payout instruction goes to the bank, naming the receipt.
 */
public record ReturnSuspenseReceipt(String bankReference, String reason) implements SensitiveAction {
}
