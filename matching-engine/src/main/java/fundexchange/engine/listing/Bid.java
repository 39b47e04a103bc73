package fundexchange.engine.listing;

import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;

/**
 * A bid on an auction listing; its id is the index of the command that placed it (journal order breaks ties).
 * {@code pseudonym} is the bidder's ordinal among the listing's bidders (CONTRACTS.md 12). {@code nonce} is a sealed
 * bid's commitment nonce ({@link SealedCommitment}); null for English bids and for sealed bids from before nonces.
 * {@code terms} (rules version 11) are its mechanism's own bid terms ({@code BidPlaced.terms}); null for every
 * released mechanism, so a state without them hashes and snapshots as before.
 */
public record Bid(long bidId, long listingId, String bidder, int pseudonym, Price price, BidStatus status, String nonce,
                  ListingMechanism.BidTerms terms) {
    /** A bid without a mechanism's own terms. */
    public Bid(long bidId, long listingId, String bidder, int pseudonym, Price price, BidStatus status, String nonce) {
        this(bidId, listingId, bidder, pseudonym, price, status, nonce, null);
    }

    public Bid withStatus(BidStatus newStatus) {
        return new Bid(bidId, listingId, bidder, pseudonym, price, newStatus, nonce, terms);
    }
}
