package fundexchange.protocol.event;

import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import java.util.List;

/**
 * An auction closed by its deadline: every bid revealed with its fate, in ranking order (price, then journal order).
 * A passed-over bid carries the reject code and reason of the rule it failed at the close (CONTRACTS.md 13).
 * {@code winningBidId} is 0 and {@code clearingPrice} null when nobody won (a {@link ListingExpired} follows);
 * otherwise a {@link TradeExecuted} follows.
 */
public record AuctionClosed(long listingId, ListingMechanism mechanism, List<ClosedBid> bids, long winningBidId,
                            Price clearingPrice) implements ListingEvent {
    /**
     * One bid as the close saw it; a sealed bid reveals its {@code nonce}, so anyone can check
     * {@code SealedCommitment.of(nonce, price)} against the commitment its {@code SealedBidPlaced} published.
     */
    public record ClosedBid(long bidId, String bidder, int pseudonym, Price price, BidStatus status, Integer rejectCode,
                            String reason, String nonce) {
    }
}
