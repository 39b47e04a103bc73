package fundexchange.engine.command;

import fundexchange.engine.money.Price;

/** A sealed bid on a SEALED auction; its price reaches nobody before the close (CONTRACTS.md 12). */
public record PlaceSealedBid(long listingId, Price price) implements Command {
}
