package fundexchange.protocol.command;

/** Staff halt a fund's book: resting orders stay and may be cancelled; nothing enters or matches until reopened. */
public record HaltBook(String fundCode) implements Command {
}
