package fundexchange.protocol.event;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;

/** The bank did not pay instruction {@code instructionId} ({@code reason}): its amount is available again. */
public record PayoutReturned(long instructionId, AccountRef account, String currency, Money amount,
                             String bankReference, String valueDate, String reason, String bank) implements CashEvent {
}
