package fundexchange.protocol.command;

/** Registers a participant's first key; later keys come by rotation. */
public record RegisterFirstKey(String participantId, String keyId, String algorithm, String publicKey) implements SensitiveAction {
}
