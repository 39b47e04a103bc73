package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;

/**
 * An auction's terms. Bids are per-unit prices for the whole lot. {@code endsAt} moves when an English bid lands
 * within {@code extensionWindowMs} of it: the end becomes the bid's time plus {@code extensionMs}, as often as that
 * happens. {@code minIncrement} applies to English auctions, {@code secondPrice} to sealed ones.
 */
public record AuctionTerms(Price startingPrice, Price reservePrice, Price minIncrement, long startsAt, long endsAt,
                           long extensionWindowMs, long extensionMs, boolean secondPrice) {
    public AuctionTerms endingAt(long newEnd) {
        return new AuctionTerms(startingPrice, reservePrice, minIncrement, startsAt, newEnd, extensionWindowMs,
                extensionMs, secondPrice);
    }
}
