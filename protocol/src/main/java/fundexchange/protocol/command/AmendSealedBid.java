package fundexchange.protocol.command;

import fundexchange.protocol.money.FixedWidth;
import fundexchange.protocol.money.Price;

/**
 * Replaces the bidder's sealed bid with a new price under a fresh {@code nonce} (as in {@link PlaceSealedBid}); the new
 * bid takes its place in journal order.
 */
public record AmendSealedBid(long bidId, @FixedWidth Price price, String nonce)
        implements Command {
}
