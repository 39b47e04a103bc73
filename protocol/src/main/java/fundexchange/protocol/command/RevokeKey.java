package fundexchange.protocol.command;

/** The owner or any staff member revokes a key, effective immediately. */
public record RevokeKey(String keyId) implements Command {
}
