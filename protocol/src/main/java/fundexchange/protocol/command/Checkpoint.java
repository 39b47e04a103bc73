package fundexchange.protocol.command;

/**
 * Signed by the exchange's own key, not a participant's (CONTRACTS.md 15): the audit chain head at
 * {@code chainIndex}. The signature (Base64) covers {@code fundexchange.signing.CheckpointMessage}.
 */
public record Checkpoint(String keyId, long chainIndex, String chainHead, long signedAt, String signature) implements Command {
}
