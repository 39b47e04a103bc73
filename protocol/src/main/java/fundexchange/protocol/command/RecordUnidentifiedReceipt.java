package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;

/**
 * The settlement bank confirms funds received into escrow that it could not attribute to an account: they go to the
 * platform's suspense account in {@code currency} until staff assign them to an account or return them, each by
 * maker-checker. {@code remitter} (optional) is the payer's details as the bank's advice gives them, for staff to
 * identify the receipt; {@code bankReference} and {@code valueDate} as for {@link RecordCashReceipt}.
 */
public record RecordUnidentifiedReceipt(String currency, Money amount, String bankReference, String valueDate,
                                        String remitter) implements Command {
}
