package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * Money the bank confirmed received ({@code receiptId}: its journal index): the bank and its reference, amount,
 * currency and value date, the participant credited (null when unidentified) or the remitter's details the bank gave,
 * status (CREDITED; SUSPENSE; ASSIGNED to {@code assignedTo}; RETURNING, RETURNED to its payer) and the index and time
 * that settled a suspense receipt.
 */
public record BankReceiptView(long receiptId, String bank, String bankReference, String currency, BigDecimal amount,
                              String valueDate, String participant, String remitter, String status, long receivedAt,
                              String assignedTo, Long settledIndex, Long settledAt) {
    /**
     * The row as the bank sees it: its own confirmation and the status, never whom staff assigned a suspense receipt
     * to nor when (its feed carries no {@code SuspenseAssigned}).
     */
    public BankReceiptView forBank() {
        return new BankReceiptView(receiptId, bank, bankReference, currency, amount, valueDate, participant, remitter,
                status, receivedAt, null, null, null);
    }
}
