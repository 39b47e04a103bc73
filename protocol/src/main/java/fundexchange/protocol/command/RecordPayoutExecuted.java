package fundexchange.protocol.command;

/**
 * The settlement bank confirms it paid out instruction {@code instructionId}: the locked cash leaves escrow.
 * {@code bankReference} as for {@link RecordCashReceipt}; {@code valueDate} the payment's value date.
 */
public record RecordPayoutExecuted(long instructionId, String bankReference, String valueDate) implements Command {
}
