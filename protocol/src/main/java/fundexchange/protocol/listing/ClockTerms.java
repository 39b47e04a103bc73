package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ascending clock auction's terms (docs/design/mechanism-terms.md §4): the price starts at the listing's starting
 * price and rises by {@code increment} every {@code roundMs}; a bidder stays in by bidding each round at its price.
 * The clock's rule ({@link #roundAt}, {@link #priceOfRound}) is here, once, for the engine's rules and the gateway's
 * read. No mechanism claims these records yet, so the engine refuses them in every command. Their fields and wire
 * numbers are fixed from here on.
 */
public final class ClockTerms {
    private ClockTerms() {
    }

    /**
     * A clock listing: the price rises by {@code increment} every {@code roundMs} milliseconds. Both are the clock every
     * bidder must follow, so the market sees them.
     */
    public record ClockListing(@Term(marketVisible = true) Price increment, @Term(marketVisible = true) long roundMs)
            implements ListingMechanism.ListingTerms {
        /**
         * The clock as of {@code now}: {@code round}, the round running then (0 before the window opens, the last
         * round once it has closed), and {@code roundPrice}, that round's price. Empty for a clock no engine accepts
         * (a round of no length, an empty window); without {@code roundPrice} when that price would overflow.
         */
        @Override
        public SortedMap<String, Object> readAt(ListingFacts listing, long now) {
            SortedMap<String, Object> read = new TreeMap<>();
            if (roundMs > 0 && listing.endsAt() > listing.startsAt()) {
                long round = roundAt(listing.startsAt(), roundMs, Math.min(now, listing.endsAt() - 1));
                read.put("round", round);
                try {
                    read.put("roundPrice", priceOfRound(listing.startingPrice(), increment, round));
                } catch (ArithmeticException beyondAnyPrice) {
                    // no price to show; the listing's own checks refuse such a clock
                }
            }
            return Collections.unmodifiableSortedMap(read);
        }
    }

    /** A bid that stays in the clock's {@code round} (from 0) at that round's price. */
    public record ClockBid(int round) implements ListingMechanism.BidTerms {
    }

    /**
     * The round (from 0) running at {@code time} on a clock that starts at {@code startsAt} and moves every
     * {@code roundMs}: floor((time - startsAt) / roundMs), 0 before the start. The window's end is the caller's to
     * apply. Exact in {@code long}: a difference past the range is refused with {@link ArithmeticException}.
     *
     * @throws IllegalArgumentException if {@code roundMs} is not positive
     */
    public static long roundAt(long startsAt, long roundMs, long time) {
        if (roundMs <= 0) {
            throw new IllegalArgumentException("a clock round lasts a positive number of milliseconds, not " + roundMs);
        }
        return time <= startsAt ? 0 : Math.subtractExact(time, startsAt) / roundMs;
    }

    /**
     * The price of {@code round}: {@code start} + {@code round} × {@code increment}, exact in {@code long} at the price
     * scale.
     *
     * @throws ArithmeticException if the price does not fit
     * @throws IllegalArgumentException if {@code round} is negative
     */
    public static Price priceOfRound(Price start, Price increment, long round) {
        if (round < 0) {
            throw new IllegalArgumentException("a clock round counts from 0, not " + round);
        }
        return new Price(Math.addExact(start.raw(), Math.multiplyExact(increment.raw(), round)));
    }
}
