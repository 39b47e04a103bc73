package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A bid deposit (保证金; rules version 8): its id (the index of the document that locked it), the listing, the
 * participant, the currency, the amount locked and what is still locked or held ({@code amount}), the status (LOCKED,
 * HELD for {@code tradeId}, RELEASED), when it was locked and the index and time of its last change.
 */
public record BidDepositView(long depositId, long listingId, String participant, String currency,
                             BigDecimal lockedAmount, BigDecimal amount, String status, Long tradeId, long lockedAt,
                             long updatedIndex, long updatedAt) {
}
