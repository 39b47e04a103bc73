package fundexchange.protocol.command;

/** Staff confirms that consideration was paid; the units move. */
public record ConfirmSettlement(long tradeId) implements Command {
}
