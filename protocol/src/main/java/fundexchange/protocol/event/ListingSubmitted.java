package fundexchange.protocol.event;

import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A listing awaits staff approval; the seller's units are locked. {@code mechanism} null means NEGOTIATED (records
 * from before auctions); {@code auction} holds an auction's terms; {@code rofr} PENDING if the fund's right of first
 * refusal must be cleared before approval.
 */
public record ListingSubmitted(long listingId, String fundCode, String seller, String buyer, Units units, Price price,
                               long expiresAt, ListingMechanism mechanism, AuctionTerms auction, RofrStatus rofr) implements ListingEvent {
}
