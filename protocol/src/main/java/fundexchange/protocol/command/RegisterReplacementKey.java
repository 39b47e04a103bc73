package fundexchange.protocol.command;

/**
 * Registers a new key for a participant that has no active key (all revoked), by maker-checker: the participant's
 * own public key, delivered out of band. The key rules of a first key apply (docs/rules.md, "Keys").
 */
public record RegisterReplacementKey(String participantId, String keyId, String algorithm, String publicKey)
        implements SensitiveAction {
}
