package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;

/**
 * An auction's terms, data only: each mechanism's rule over them is its own (the engine's {@code AuctionMechanism}
 * classes, and the protocol's where several layers share it). Bids are per-unit prices for the whole lot.
 * {@code endsAt} moves when an English bid lands within {@code extensionWindowMs} of it: the end becomes the bid's time
 * plus {@code extensionMs}, as often as that happens. {@code minIncrement} is an English auction's increment or a clock's
 * decrement, {@code secondPrice} applies to sealed auctions, {@code stepMs} to a clock (null on the others).
 */
public record AuctionTerms(Price startingPrice, Price reservePrice, Price minIncrement, long startsAt, long endsAt,
                           long extensionWindowMs, long extensionMs, boolean secondPrice, Long stepMs) {
    public AuctionTerms endingAt(long newEnd) {
        return new AuctionTerms(startingPrice, reservePrice, minIncrement, startsAt, newEnd, extensionWindowMs,
                extensionMs, secondPrice, stepMs);
    }
}
