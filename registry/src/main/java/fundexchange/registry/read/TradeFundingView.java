package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A trade settled delivery versus payment (rules version 8, V26): its parties and the fund's manager (null: staff
 * confirm), currency, consideration, each side's fee, {@code due} (consideration plus the buyer's fee) and
 * {@code funded} (all the buyer has locked for it, a held deposit included), status (AWAITING_FUNDING,
 * AWAITING_REGISTRATION, SETTLED, FAILED), the settlement deadline and, once funded, the registration deadline (epoch
 * ms), a staff override's reason, and the indexes and time of its first and last change.
 */
public record TradeFundingView(long tradeId, String fundCode, String seller, String buyer, String manager,
                               String currency, BigDecimal consideration, BigDecimal buyerFee, BigDecimal sellerFee,
                               BigDecimal due, BigDecimal funded, String status, long settleBy, Long registrationDue,
                               String overrideReason, long createdIndex, long updatedIndex, long updatedAt) {
    /** As the seller sees it: not the buyer's funding progress (its feed never shows the buyer's locks). */
    public TradeFundingView forSeller() {
        return new TradeFundingView(tradeId, fundCode, seller, buyer, manager, currency, consideration, buyerFee,
                sellerFee, due, null, status, settleBy, registrationDue, overrideReason, createdIndex, updatedIndex,
                updatedAt);
    }

    /** As the fund's manager sees it: the registration change to decide, without the parties' cash. */
    public TradeFundingView forManager() {
        return new TradeFundingView(tradeId, fundCode, seller, buyer, manager, currency, null, null, null, null, null,
                status, settleBy, registrationDue, overrideReason, createdIndex, updatedIndex, updatedAt);
    }
}
