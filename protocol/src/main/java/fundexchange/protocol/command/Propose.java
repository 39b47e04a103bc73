package fundexchange.protocol.command;

/** Staff proposes a sensitive action; another staff member must approve it (CONTRACTS.md 4). */
public record Propose(SensitiveAction action) implements Command {
}
