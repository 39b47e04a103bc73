package fundexchange.protocol.event;

/** Staff acknowledged the escrow mismatch alarm {@code alarmId} by maker-checker ({@code proposalId}), with the reason. */
public record EscrowMismatchAcknowledged(long alarmId, String currency, long proposalId, String reason)
        implements CashEvent {
}
