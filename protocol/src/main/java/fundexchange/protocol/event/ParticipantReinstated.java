package fundexchange.protocol.event;

/** A SUSPENDED participant became ACTIVE again by the approval of proposal {@code proposalId}, for {@code reason}. */
public record ParticipantReinstated(String participantId, long proposalId, String reason) implements ParticipantEvent {
}
