package fundexchange.engine.event;

import fundexchange.engine.money.Price;

/**
 * A sealed bid was received. Its {@code price} is engine input only: until the listing's {@link AuctionClosed}, every
 * reader that leaves the engine (feeds, registry, journal dump, audit bundles) withholds it (CONTRACTS.md 12).
 */
public record SealedBidPlaced(long listingId, long bidId, String bidder, int pseudonym, Price price) implements Event {
}
