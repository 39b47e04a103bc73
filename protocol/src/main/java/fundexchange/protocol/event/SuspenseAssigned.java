package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * Staff assigned the unidentified receipt {@code bankReference} to {@code participantId}'s account by maker-checker
 * ({@code proposalId}): the amount left suspense for the account's available balance.
 */
public record SuspenseAssigned(String bankReference, String participantId, String currency, Money amount,
                               long proposalId, String reason) implements CashEvent {
}
