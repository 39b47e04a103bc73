package fundexchange.audit.report;

/** A platform parameter changed on the day, with the staff who proposed and approved it. */
public record ParameterChange(long sourceIndex, String time, String name, String value, String proposedBy,
                              String approvedBy) {
}
