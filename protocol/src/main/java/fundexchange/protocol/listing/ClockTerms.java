package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ascending clock auction (日式拍卖, Japanese; docs/design/mechanism-terms.md §4, rules version 12), its one home in
 * the protocol: its terms, its refusals and its price rule, shared by the engine's bids and a read's clock. The price
 * starts at the listing's starting price in round 0, which begins at {@code startsAt}, and rises by {@code increment}
 * at each of the following rounds, every {@code roundMs}. A bidder stays in a round by a bid at exactly its price.
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
         * round once it has closed), and {@code roundPrice}, that round's price. Total, as a read needs: empty for a
         * clock no engine accepts (a round of no length, an empty window, a window longer than a {@code long} counts),
         * without {@code roundPrice} when that price would overflow.
         */
        @Override
        public SortedMap<String, Object> readAt(ListingFacts listing, long now) {
            SortedMap<String, Object> read = new TreeMap<>();
            if (roundMs > 0 && listing.endsAt() > listing.startsAt()) {
                try {
                    long round = roundAt(listing.startsAt(), roundMs, Math.min(now, listing.endsAt() - 1));
                    read.put("round", round);
                    read.put("roundPrice", priceOfRound(listing.startingPrice(), increment, round));
                } catch (ArithmeticException beyondAnyRoundOrPrice) {
                    // no round or no price to show; the listing's own checks refuse such a clock
                }
            }
            return Collections.unmodifiableSortedMap(read);
        }
    }

    /** A bid that stays in the clock's {@code round} (from 0) at that round's price. */
    public record ClockBid(int round) implements ListingMechanism.BidTerms {
    }

    /** The clock auction's own refusals, in its block from 4200; the engine's message says each in both languages. */
    public enum Refusal implements fundexchange.protocol.refusal.Refusal {
        /** The bid names a round that has ended, or not begun, at the command's time. */
        ROUND_CLOSED(4200),
        /** The bid's price is not its round's clock price. */
        ROUND_PRICE_MISMATCH(4201),
        /** The bidder did not stay in the previous round (only the round the bidding opened in admits a newcomer). */
        NOT_IN_PREVIOUS_ROUND(4202),
        /** The bidder already stays in this round. */
        ALREADY_IN_ROUND(4203);

        private final int code;

        Refusal(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** A bidder's stay in a round: a clock's bids as its rule reads them, in journal order. */
    public record Stay(String bidder, int round) {
    }

    /** Whether {@code bidder} already stays in {@code round}. */
    public static boolean stays(List<Stay> stays, String bidder, int round) {
        return stays.stream().anyMatch(stay -> stay.bidder().equals(bidder) && stay.round() == round);
    }

    /**
     * Whether {@code bidder} may stay in {@code round}: it stayed in the round before, or {@code round} is the one the
     * bidding opened in (the first stay's, as rounds never fall in journal order; any while nobody stays), the only
     * round a bidder not yet in may enter.
     */
    public static boolean mayEnter(List<Stay> stays, String bidder, int round) {
        return (stays.isEmpty() ? round : stays.getFirst().round()) == round || stays(stays, bidder, round - 1);
    }

    /** Whether a bidder other than {@code bidder} already stays in {@code round}. */
    public static boolean rivalIn(List<Stay> stays, String bidder, int round) {
        return stays.stream().anyMatch(stay -> !stay.bidder().equals(bidder) && stay.round() == round);
    }

    /**
     * The end of a window whose last round two bidders stay in: one round later, if that round's price for
     * {@code units} is representable (and the round an {@code int}); else {@code endsAt}, the clock's top.
     */
    public static long oneRoundMore(long startsAt, long endsAt, long roundMs, Price start, Price increment, Units units) {
        try {
            long next = Math.addExact(roundAt(startsAt, roundMs, endsAt - 1), 1);
            Pricing.consideration(units, priceOfRound(start, increment, next));
            return next < Integer.MAX_VALUE ? Math.addExact(endsAt, roundMs) : endsAt;
        } catch (ArithmeticException beyondAnyPrice) {
            return endsAt;
        }
    }

    /** The shortest round a clock may have: a bidder must be able to follow it. */
    public static final long MIN_ROUND_MS = 1_000;

    /**
     * Whether {@code roundMs} is a round a clock over {@code startsAt} to {@code endsAt} may have: at least
     * {@link #MIN_ROUND_MS}, and the window a whole number of rounds (so the last round is as long as the others, and an
     * extension adds one more).
     */
    public static boolean wholeRounds(long startsAt, long endsAt, long roundMs) {
        return roundMs >= MIN_ROUND_MS && endsAt > startsAt && (endsAt - startsAt) % roundMs == 0;
    }

    /**
     * The round running at {@code time}: 0 until {@code startsAt + roundMs} (and before {@code startsAt}), then one more
     * every {@code roundMs}. Throws {@link ArithmeticException} if {@code time - startsAt} is past a {@code long}, and
     * {@link IllegalArgumentException} unless {@code roundMs} is positive.
     */
    public static long roundAt(long startsAt, long roundMs, long time) {
        if (roundMs <= 0) {
            throw new IllegalArgumentException("roundMs must be positive: " + roundMs);
        }
        return time <= startsAt ? 0 : Math.subtractExact(time, startsAt) / roundMs;
    }

    /**
     * The clock's price in {@code round}: {@code start + increment × round}, exact in fixed point. Throws
     * {@link ArithmeticException} past a {@code long}, and {@link IllegalArgumentException} for a negative round.
     */
    public static Price priceOfRound(Price start, Price increment, long round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative: " + round);
        }
        return new Price(Math.addExact(start.raw(), Math.multiplyExact(increment.raw(), round)));
    }
}
