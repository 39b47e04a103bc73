package fundexchange.engine.event;

/** A participant became ACTIVE. */
public record ParticipantApproved(String participantId) implements Event {
}
