package fundexchange.protocol.command;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A holder auctions a lot (ENGLISH or SEALED), bids being per-unit prices for the whole lot. Times are epoch ms.
 * {@code extensionWindowMs} and {@code extensionMs} default to the platform's; {@code minIncrement} is required for
 * ENGLISH; {@code secondPrice} applies to SEALED.
 */
public record ListAuction(String fundCode, ListingMechanism mechanism, Units units, Price startingPrice,
                          Price reservePrice, Price minIncrement, long startsAt, long endsAt, Long extensionWindowMs,
                          Long extensionMs, boolean secondPrice) implements Command {
}
