package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * An instruction to the bank to pay a participant: its id (the journal index that made it), whom, which bank, the
 * amount and currency, its purpose, its status (PENDING, EXECUTED, RETURNED) and, once decided, the bank's reference,
 * index, time and a return's reason.
 */
public record PayoutInstructionView(long instructionId, String participant, String bank, String currency,
                                    BigDecimal amount, String purpose, String status, long instructedAt,
                                    String bankReference, Long decidedIndex, Long decidedAt, String reason) {
}
