package fundexchange.protocol.command;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import fundexchange.protocol.money.FixedWidthPrice;
import fundexchange.protocol.money.Price;

/**
 * Replaces the bidder's sealed bid with a new price under a fresh {@code nonce} (as in {@link PlaceSealedBid}); the new
 * bid takes its place in journal order.
 */
public record AmendSealedBid(long bidId, @JsonSerialize(using = FixedWidthPrice.class) Price price, String nonce)
        implements Command {
}
