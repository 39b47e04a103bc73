package fundexchange.registry.audit;

/**
 * One journal index as the audit index holds it. {@code participant} and {@code clientRequestId} are null for unsigned
 * commands, {@code fundCode} when the record names no fund; {@code rejectCode} is 0 when accepted. The digests and
 * link are lower-case hex SHA-256 of the documents as written and of the chain through this index.
 */
public record AuditRecordView(long sourceIndex, long time, String participant, String clientRequestId,
                              String commandType, String fundCode, String outcome, int rejectCode,
                              String commandDigest, String eventDigest, String link) {
}
