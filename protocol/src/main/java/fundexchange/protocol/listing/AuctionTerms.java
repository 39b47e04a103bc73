package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;

/**
 * An auction's terms. Bids are per-unit prices for the whole lot. {@code endsAt} moves when an English bid lands
 * within {@code extensionWindowMs} of it: the end becomes the bid's time plus {@code extensionMs}, as often as that
 * happens. {@code minIncrement} applies to English auctions, {@code secondPrice} to sealed ones. A Dutch auction's
 * clock starts at {@code startingPrice} and falls by {@code minIncrement} every {@code stepMs} (null on the others)
 * down to {@code reservePrice}, its floor.
 */
public record AuctionTerms(Price startingPrice, Price reservePrice, Price minIncrement, long startsAt, long endsAt,
                           long extensionWindowMs, long extensionMs, boolean secondPrice, Long stepMs) {
    public AuctionTerms endingAt(long newEnd) {
        return new AuctionTerms(startingPrice, reservePrice, minIncrement, startsAt, newEnd, extensionWindowMs,
                extensionMs, secondPrice, stepMs);
    }

    /**
     * A Dutch clock at {@code time} (from the window's start): max(floor, start − decrement × whole steps elapsed),
     * exact in {@code long} (a product or difference past the range is below any floor).
     */
    public Price clockPrice(long time) {
        long steps = Math.max(0, time - startsAt) / stepMs;
        try {
            long price = Math.subtractExact(startingPrice.raw(), Math.multiplyExact(minIncrement.raw(), steps));
            return new Price(Math.max(reservePrice.raw(), price));
        } catch (ArithmeticException belowAnyFloor) {
            return reservePrice;
        }
    }

    /** When a Dutch clock next falls after {@code time}; 0 once it rests at the floor or the window has closed. */
    public long nextStepAt(long time) {
        if (clockPrice(time).compareTo(reservePrice) <= 0) {
            return 0;
        }
        long next = time < startsAt ? startsAt + stepMs : startsAt + ((time - startsAt) / stepMs + 1) * stepMs;
        return next < endsAt ? next : 0;
    }
}
