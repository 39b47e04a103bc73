package fundexchange.protocol.command;

/**
 * Suspends an ACTIVE participant (maker-checker): it becomes SUSPENDED, its resting trading interest is cancelled
 * with a reason, and until reinstated it may only complete what it owes (docs/rules.md, "Participant lifecycle").
 */
public record SuspendParticipant(String participantId, String reason) implements SensitiveAction {
}
