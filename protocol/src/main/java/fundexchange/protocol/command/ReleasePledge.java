package fundexchange.protocol.command;

/** Staff release a pledge whole; its units become available again. */
public record ReleasePledge(long pledgeId) implements Command {
}
