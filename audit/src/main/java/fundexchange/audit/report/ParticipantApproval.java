package fundexchange.audit.report;

/** A participant made active on the day, with the staff who proposed and approved it. */
public record ParticipantApproval(long sourceIndex, String time, String participantId, String name, String proposedBy,
                                  String approvedBy) {
}
