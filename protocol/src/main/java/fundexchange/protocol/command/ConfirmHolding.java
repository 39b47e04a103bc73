package fundexchange.protocol.command;

/** A holder confirms its line of an approved FULL custody registration; its units become available. */
public record ConfirmHolding(long custodyId) implements Command {
}
