package fundexchange.protocol.command;

/** Either side ends an open quote. */
public record DeclineQuote(long quoteId) implements Command {
}
