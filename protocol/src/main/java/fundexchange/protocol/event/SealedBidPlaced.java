package fundexchange.protocol.event;

import fundexchange.protocol.money.FixedWidth;
import fundexchange.protocol.money.Price;

/**
 * A sealed bid was received. Its {@code price} (written fixed-width) and {@code nonce} are engine input only: until
 * the listing's close, every reader that leaves the engine (feeds, registry, journal dump, audit bundles) withholds
 * both and shows only {@code commitment}, {@code SealedCommitment.of(nonce, price)} (CONTRACTS.md 12). Documents
 * written before nonces existed have neither {@code nonce} nor {@code commitment}.
 */
public record SealedBidPlaced(long listingId, long bidId, String bidder, int pseudonym,
                              @FixedWidth Price price, String nonce,
                              String commitment) implements ListingEvent {
    /** This event as readers see it before the close: without price and nonce. */
    public SealedBidPlaced sealed() {
        return new SealedBidPlaced(listingId, bidId, bidder, pseudonym, null, null, commitment);
    }
}
