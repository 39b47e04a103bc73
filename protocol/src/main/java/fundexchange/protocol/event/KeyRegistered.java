package fundexchange.protocol.event;

/** A key now authenticates its participant. */
public record KeyRegistered(String participantId, String keyId, String algorithm, String publicKey) implements KeyEvent {
}
