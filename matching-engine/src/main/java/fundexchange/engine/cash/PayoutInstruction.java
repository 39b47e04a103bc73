package fundexchange.engine.cash;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;

/**
 * An instruction to the bank to pay {@code amount} out of {@code account}, locked there while {@code PENDING};
 * {@code bankReference} names the unidentified receipt a SUSPENSE instruction returns (null for a withdrawal);
 * {@code instructedOn} is the business date of the instructing command (platform zone): no payout is valued before it.
 */
public record PayoutInstruction(long instructionId, AccountRef account, String currency, Money amount,
                                String bankReference, InstructionStatus status, String instructedOn) {
    public PayoutInstruction with(InstructionStatus next) {
        return new PayoutInstruction(instructionId, account, currency, amount, bankReference, next, instructedOn);
    }
}
