package fundexchange.protocol.event;

/**
 * A participant became SUSPENDED by the approval of proposal {@code proposalId}, for {@code reason}. The cancellations
 * of its resting interest follow in the same document.
 */
public record ParticipantSuspended(String participantId, long proposalId, String reason) implements ParticipantEvent {
}
