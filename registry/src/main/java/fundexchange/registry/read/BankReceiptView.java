package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * Money the bank confirmed received: its id (journal index), the bank and its reference, amount and currency, the
 * participant credited (null while unidentified), status (CREDITED, SUSPENSE, ASSIGNED) and, once staff assigned a
 * suspense receipt, to whom, at which index and when.
 */
public record BankReceiptView(long receiptId, String bank, String bankReference, String currency, BigDecimal amount,
                              String participant, String status, long receivedAt, String assignedTo,
                              Long assignedIndex, Long assignedAt) {
}
