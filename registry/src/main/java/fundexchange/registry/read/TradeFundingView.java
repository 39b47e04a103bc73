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
}
