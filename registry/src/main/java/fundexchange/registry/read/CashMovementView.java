package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * One change of a cash account: its id ({@code sourceIndex * 4096 + n}), the journal index and time (epoch ms), the
 * kind (CREDIT, DEBIT, LOCK, RELEASE, DEBIT_LOCKED), amount and balances after it, the event that caused it, and the
 * bank reference, payout instruction and staff correction reason where there is one (else null).
 */
public record CashMovementView(long movementId, long sourceIndex, long movedAt, String owner, String currency,
                               String kind, BigDecimal amount, BigDecimal availableAfter, BigDecimal lockedAfter,
                               String cause, String bankReference, Long instructionId, String reason) {
}
