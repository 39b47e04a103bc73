package fundexchange.protocol.event;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;

/** The bank paid instruction {@code instructionId}: its locked amount left escrow. */
public record PayoutExecuted(long instructionId, AccountRef account, String currency, Money amount,
                             String bankReference, String valueDate, String bank) implements CashEvent {
}
