package fundexchange.protocol.command;

/** The side whose turn it is accepts the terms last proposed: the trade follows on the settlement path. */
public record AcceptQuote(long quoteId) implements Command {
}
