package fundexchange.engine.reference;

/** Institution or individual; qualification thresholds differ between them. */
public enum ParticipantType {
    INSTITUTION, INDIVIDUAL
}
