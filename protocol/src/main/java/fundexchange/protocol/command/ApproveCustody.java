package fundexchange.protocol.command;

/** Staff approve a pending custody registration: its units are deposited. */
public record ApproveCustody(long custodyId) implements Command {
}
