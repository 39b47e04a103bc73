package fundexchange.engine.listing;

import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.money.Price;

/**
 * A bid on an auction listing; its id is the index of the command that placed it (journal order breaks ties).
 * {@code pseudonym} is the bidder's ordinal among the listing's bidders (CONTRACTS.md 12). {@code nonce} is a sealed
 * bid's commitment nonce ({@link SealedCommitment}); null for English bids and for sealed bids from before nonces.
 */
public record Bid(long bidId, long listingId, String bidder, int pseudonym, Price price, BidStatus status, String nonce) {
    public Bid withStatus(BidStatus newStatus) {
        return new Bid(bidId, listingId, bidder, pseudonym, price, newStatus, nonce);
    }
}
