package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A bank's daily statement of one currency ({@code statementId}: its journal index, also the id of its alarm): the
 * bank's closing balance and the engine's escrow total, status (MATCHED; MISMATCH, an open alarm; ACKNOWLEDGED by
 * staff's proposal with its reason).
 */
public record BankStatementView(long statementId, String bank, String bankReference, String statementDate,
                                String currency, BigDecimal bankBalance, BigDecimal escrowBalance, String status,
                                long submittedAt, Long alarmIndex, Long acknowledgedIndex, Long acknowledgedAt,
                                Long proposalId, String acknowledgedReason) {
    /**
     * The row as the bank sees it: its statement, the escrow total and the status, never the alarm nor staff's
     * acknowledgement, proposal or reason (its feed carries neither {@code EscrowMismatchRaised} nor its acknowledgement).
     */
    public BankStatementView forBank() {
        return new BankStatementView(statementId, bank, bankReference, statementDate, currency, bankBalance, escrowBalance,
                status, submittedAt, null, null, null, null, null);
    }
}
