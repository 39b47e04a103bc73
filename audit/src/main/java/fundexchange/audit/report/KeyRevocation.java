package fundexchange.audit.report;

/** A key revoked on the day, by its owner or a staff member. */
public record KeyRevocation(long sourceIndex, String time, String participantId, String name, String keyId,
                            String revokedBy) {
}
