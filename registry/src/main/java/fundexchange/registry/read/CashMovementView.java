package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * One change of a cash account: its id ({@code sourceIndex * 4096 + n}), the journal index and time (epoch ms), the
 * account, the kind (CREDIT, DEBIT, LOCK, RELEASE, DEBIT_LOCKED), amount and balances after it, the event that caused
 * it ({@code cause}), and where there is one (else null) the bank's reference, the payout instruction, the staff
 * proposal and the reason (a correction's, an assignment's, a returned payout's).
 */
public record CashMovementView(long movementId, long sourceIndex, long movedAt, String accountKind, String owner,
                               String currency,
                               String kind, BigDecimal amount, BigDecimal availableAfter, BigDecimal lockedAfter,
                               String cause, String bankReference, Long instructionId, Long proposalId, String reason) {
    /** The event a staff correction's movements carry. */
    public static final String CORRECTION = "CashCorrected";
}
