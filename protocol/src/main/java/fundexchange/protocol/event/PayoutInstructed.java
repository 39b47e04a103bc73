package fundexchange.protocol.event;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;

/**
 * An instruction to the settlement bank to pay {@code amount} out of {@code account} (locked there until the bank
 * confirms): a participant's withdrawal, or ({@code account} SUSPENSE) the return of the unidentified receipt
 * {@code bankReference} to its payer, with staff's {@code reason}. {@code instructionId} is {@code sourceIndex * 4096
 * + n} (CONTRACTS.md 11), n the instruction's ordinal within its document.
 */
public record PayoutInstructed(long instructionId, AccountRef account, String currency, Money amount,
                               String bankReference, String reason) implements CashEvent {
}
