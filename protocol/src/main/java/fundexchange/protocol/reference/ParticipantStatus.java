package fundexchange.protocol.reference;

/** PENDING until staff approval (maker-checker), then ACTIVE; SUSPENDED participants cannot trade. */
public enum ParticipantStatus {
    PENDING, ACTIVE, SUSPENDED
}
