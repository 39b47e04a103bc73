package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;

/**
 * The settlement bank confirms funds received into escrow for {@code participantId}'s account in {@code currency}
 * ({@code amount} positive, at the money scale): the account's available balance is credited. {@code bankReference}
 * is the bank's own reference, unique among all the bank's confirmations (a repeat is refused and moves nothing);
 * {@code valueDate} the bank's value date, ISO yyyy-MM-dd (issue 22, rules version 7).
 */
public record RecordCashReceipt(String participantId, String currency, Money amount, String bankReference,
                                String valueDate) implements Command {
}
