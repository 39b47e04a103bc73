package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;

/**
 * The Dutch auction's price rule, its one home in the protocol: the clock starts at the terms' {@code startingPrice}
 * and falls by {@code minIncrement} every {@code stepMs} down to {@code reservePrice}, its floor. The engine trades an
 * acceptance at {@link #price}; the gateway shows the clock as of a read. Its own refusals are {@link Refusal}.
 */
public final class DutchClock {
    private DutchClock() {
    }

    /**
     * The Dutch auction's own refusals, in its code block 4030-4031 ({@link ListingMechanism#DUTCH}): a block of two,
     * grandfathered below 4200, with the numbers and names they had as reject codes.
     */
    public enum Refusal implements fundexchange.protocol.refusal.Refusal {
        /** An acceptance's price is below the clock price: the buyer never pays more than it saw. */
        CLOCK_ABOVE_BID(4030),
        /** An acceptance asks for more units than the auction has left. */
        UNITS_NOT_LEFT(4031);

        private final int code;

        Refusal(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /**
     * The clock at {@code time} (from the window's start): max(floor, start − decrement × whole steps elapsed), exact in
     * {@code long} (a product or difference past the range is below any floor).
     */
    public static Price price(AuctionTerms terms, long time) {
        long steps = Math.max(0, time - terms.startsAt()) / terms.stepMs();
        try {
            long price = Math.subtractExact(terms.startingPrice().raw(), Math.multiplyExact(terms.minIncrement().raw(), steps));
            return new Price(Math.max(terms.reservePrice().raw(), price));
        } catch (ArithmeticException belowAnyFloor) {
            return terms.reservePrice();
        }
    }

    /** When the clock next falls after {@code time}; 0 once it rests at the floor or the window has closed. */
    public static long nextStepAt(AuctionTerms terms, long time) {
        if (price(terms, time).compareTo(terms.reservePrice()) <= 0) {
            return 0;
        }
        long startsAt = terms.startsAt();
        long stepMs = terms.stepMs();
        long next = time < startsAt ? startsAt + stepMs : startsAt + ((time - startsAt) / stepMs + 1) * stepMs;
        return next < terms.endsAt() ? next : 0;
    }
}
