package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;

/**
 * The Dutch auction's price rule, its one home in the protocol: the clock starts at the terms' {@code startingPrice}
 * and falls by {@code minIncrement} every {@code stepMs} down to {@code reservePrice}, its floor. The engine trades an
 * acceptance at {@link #price}; the gateway shows the clock as of a read.
 */
public final class DutchClock {
    private DutchClock() {
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
