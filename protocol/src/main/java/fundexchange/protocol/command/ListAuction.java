package fundexchange.protocol.command;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A holder auctions a lot (ENGLISH or SEALED), bids being per-unit prices for the whole lot, or sells it on a falling
 * clock (DUTCH). Times are epoch ms. {@code extensionWindowMs} and {@code extensionMs} default to the platform's;
 * {@code minIncrement} is required for ENGLISH; {@code secondPrice} applies to SEALED. A DUTCH clock starts at
 * {@code startingPrice} and falls by {@code minIncrement} every {@code stepMs} down to {@code reservePrice} (the floor).
 */
public record ListAuction(String fundCode, ListingMechanism mechanism, Units units, Price startingPrice,
                          Price reservePrice, Price minIncrement, long startsAt, long endsAt, Long extensionWindowMs,
                          Long extensionMs, boolean secondPrice, Long stepMs) implements Command {
}
