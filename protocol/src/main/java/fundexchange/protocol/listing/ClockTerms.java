package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;

/**
 * The ascending clock auction's terms (docs/design/mechanism-terms.md §4): the price starts at the listing's starting
 * price and rises by {@code increment} every {@code roundMs}; a bidder stays in by bidding each round at its price.
 * Records only, for now: they are the first records {@link ListingMechanism.ListingTerms} and
 * {@link ListingMechanism.BidTerms} permit (a sealed interface needs one), and no mechanism claims them yet, so the
 * engine refuses them in every command. Their fields and wire numbers are fixed from here on.
 */
public final class ClockTerms {
    private ClockTerms() {
    }

    /** A clock listing: the price rises by {@code increment} every {@code roundMs} milliseconds. */
    public record ClockListing(Price increment, long roundMs) implements ListingMechanism.ListingTerms {
    }

    /** A bid that stays in the clock's {@code round} (from 0) at that round's price. */
    public record ClockBid(int round) implements ListingMechanism.BidTerms {
    }
}
