package fundexchange.protocol.command;

/** The named investor accepts an open negotiated listing; a trade follows. */
public record AcceptListing(long listingId) implements Command {
}
