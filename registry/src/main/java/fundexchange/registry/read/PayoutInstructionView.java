package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * An instruction to the settlement bank to pay out of an account ({@code instructionId = sourceIndex * 4096 + n}):
 * the account's owner and kind (PARTICIPANT: a withdrawal; SUSPENSE: the return of the unidentified receipt
 * {@code receiptReference}, with staff's {@code instructionReason}), amount and currency, status (PENDING, EXECUTED,
 * RETURNED) and, once the bank confirmed it, which bank, its reference and value date, the index and time, and a
 * returned payout's reason.
 */
public record PayoutInstructionView(long instructionId, String owner, String accountKind, String currency,
                                    BigDecimal amount, String receiptReference, String instructionReason, String status,
                                    long instructedIndex, long instructedAt, String bank, String confirmationReference,
                                    String valueDate, Long decidedIndex, Long decidedAt, String returnReason) {
}
