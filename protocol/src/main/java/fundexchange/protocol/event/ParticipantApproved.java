package fundexchange.protocol.event;

/** A participant became ACTIVE. */
public record ParticipantApproved(String participantId) implements ParticipantEvent {
}
