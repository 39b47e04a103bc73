package fundexchange.protocol.command;

/** Makes a SUSPENDED participant ACTIVE again (maker-checker); nothing cancelled at the suspension is restored. */
public record ReinstateParticipant(String participantId, String reason) implements SensitiveAction {
}
