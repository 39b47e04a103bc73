package fundexchange.protocol.command;

/**
 * Staff acknowledge the escrow mismatch alarm {@code alarmId} (raised by a bank statement that differed from the
 * engine's escrow total) with the {@code reason} (what was found); maker-checker. Nothing moves: a correction, if one
 * is due, is its own action.
 */
public record AcknowledgeEscrowAlarm(long alarmId, String reason) implements SensitiveAction {
}
