package fundexchange.audit.report;

/**
 * An investor's qualification set on the day, with the staff who proposed and approved it (maker-checker).
 *
 * @param validUntil ISO date, inclusive; absent when not given
 */
public record QualificationChange(long sourceIndex, String time, String participantId, String name, String status,
                                  String validUntil, String proposedBy, String approvedBy) {
}
