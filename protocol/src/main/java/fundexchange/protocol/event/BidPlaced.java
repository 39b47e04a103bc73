package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;

/** An open bid on an English auction; {@code endsAt} is the auction's end after it ({@code extended} if it moved). */
public record BidPlaced(long listingId, long bidId, String bidder, int pseudonym, Price price, long endsAt,
                        boolean extended) implements ListingEvent {
}
