package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A bank's daily statement for one currency: its id ({@code sourceIndex * 4096 + n}), journal index, date, the bank's escrow total and the engine's,
 * status (MATCHED; MISMATCH, an alarm until staff acknowledge it; ACKNOWLEDGED) and the acknowledgement.
 */
public record BankStatementView(long statementId, long sourceIndex, String bank, String statementDate, String currency,
                                BigDecimal bankTotal, BigDecimal engineTotal, String status, long submittedAt,
                                Long acknowledgedIndex, Long acknowledgedAt, String acknowledgedReason) {
}
