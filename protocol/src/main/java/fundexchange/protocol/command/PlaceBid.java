package fundexchange.protocol.command;

import fundexchange.protocol.listing.Term;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * An open bid on an ENGLISH auction: a per-unit price for the whole lot, binding once placed ({@code units} absent).
 * On a DUTCH auction, an acceptance of {@code units} at the clock price, which must not exceed {@code price}
 * ({@code units} is the Dutch auction's own term, its grammar a {@link Term}).
 */
public record PlaceBid(long listingId, Price price, @Term(optional = true) Units units) implements Command {
}
