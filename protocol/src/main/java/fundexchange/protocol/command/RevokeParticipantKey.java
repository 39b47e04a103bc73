package fundexchange.protocol.command;

/**
 * Staff revoke another participant's key by maker-checker: the way to revoke a participant's last active key, which
 * a single staff member may not (docs/rules.md, "Keys").
 */
public record RevokeParticipantKey(String keyId, String reason) implements SensitiveAction {
}
