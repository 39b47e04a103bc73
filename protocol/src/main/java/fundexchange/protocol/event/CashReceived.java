package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/** The bank ({@code bank}, its participant) confirmed {@code amount} received for {@code participantId}'s account. */
public record CashReceived(String participantId, String currency, Money amount, String bankReference, String valueDate,
                           String bank) implements CashEvent {
}
