package fundexchange.protocol.command;

/** Activates a PENDING participant. */
public record ApproveParticipant(String participantId) implements SensitiveAction {
}
