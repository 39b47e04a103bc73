package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A cash account (V24): its id (the cursor of its pages), owner (a participant, or {@code SUSPENSE} or
 * {@code REVENUE}), currency, kind, available and locked balances at scale 2, and the journal index that last changed it.
 */
public record CashAccountView(long accountId, String owner, String currency, String kind, BigDecimal available,
                              BigDecimal locked, long updatedIndex) {
}
