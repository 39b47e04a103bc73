package fundexchange.protocol.event;

/** A checkpoint of the audit chain, journaled; {@code audit verify} checks its signature and head. */
public record CheckpointRecorded(String keyId, long chainIndex, String chainHead, long signedAt, String signature) implements PlatformEvent {
}
