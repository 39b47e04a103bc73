package fundexchange.protocol.command;

/** Lifts a freeze whole (maker-checker), giving the reason (for example the release order's number). */
public record UnfreezeUnits(long freezeId, String reason) implements SensitiveAction {
}
