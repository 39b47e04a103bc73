package fundexchange.audit.report;

/** An audit-chain checkpoint journaled on the day: the chain head at {@code chainIndex}, signed by {@code keyId}. */
public record CheckpointRow(long sourceIndex, String time, String keyId, long chainIndex, String chainHead) {
}
