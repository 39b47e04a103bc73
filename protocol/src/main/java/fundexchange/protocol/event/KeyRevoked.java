package fundexchange.protocol.event;

/** A key no longer authenticates anyone, from this index on. */
public record KeyRevoked(String participantId, String keyId, String revokedBy) implements KeyEvent {
}
