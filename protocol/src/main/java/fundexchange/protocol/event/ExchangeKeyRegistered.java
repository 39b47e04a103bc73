package fundexchange.protocol.event;

/** The exchange's own public key (signs checkpoints). */
public record ExchangeKeyRegistered(String keyId, String algorithm, String publicKey) implements KeyEvent {
}
