package fundexchange.engine.command;

/** Activates a PENDING participant. */
public record ApproveParticipant(String participantId) implements SensitiveAction {
}
