package fundexchange.protocol.command;

/**
 * The settlement bank confirms that instruction {@code instructionId} was not paid (refused or returned by the
 * beneficiary's bank), with its {@code reason}: the locked cash goes back to the account's available balance.
 */
public record RecordPayoutReturned(long instructionId, String bankReference, String valueDate, String reason)
        implements Command {
}
