package fundexchange.protocol.command;

import fundexchange.protocol.money.FixedWidth;
import fundexchange.protocol.money.Price;

/**
 * A sealed bid on a SEALED auction; its price reaches nobody before the close (CONTRACTS.md 12). {@code nonce} is the
 * bidder's secret of 64 lower-case hex digits ({@link fundexchange.protocol.listing.SealedCommitment}), never used
 * before by that bidder; absent in journals written before nonces existed. The price is written fixed-width.
 */
public record PlaceSealedBid(long listingId, @FixedWidth Price price, String nonce)
        implements Command {
}
