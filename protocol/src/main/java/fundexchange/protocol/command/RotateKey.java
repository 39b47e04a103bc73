package fundexchange.protocol.command;

/** The owner, signing with a current key, adds a new key. */
public record RotateKey(String newKeyId, String algorithm, String publicKey) implements Command {
}
