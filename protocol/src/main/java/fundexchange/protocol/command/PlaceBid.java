package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;

/** An open bid on an ENGLISH auction: a per-unit price for the whole lot. Binding once placed. */
public record PlaceBid(long listingId, Price price) implements Command {
}
