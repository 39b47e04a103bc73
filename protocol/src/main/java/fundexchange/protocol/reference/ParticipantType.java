package fundexchange.protocol.reference;

/** Institution or individual; qualification thresholds differ between them. */
public enum ParticipantType {
    INSTITUTION, INDIVIDUAL
}
