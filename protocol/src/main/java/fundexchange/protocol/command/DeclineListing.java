package fundexchange.protocol.command;

/** The named investor declines a negotiated listing; the seller's units are unlocked. */
public record DeclineListing(long listingId) implements Command {
}
