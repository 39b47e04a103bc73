package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/** The bank confirmed a receipt it could not attribute; it is held in the suspense account of {@code currency}. */
public record UnidentifiedReceiptRecorded(String currency, Money amount, String bankReference, String valueDate,
                                          String remitter, String bank) implements CashEvent {
}
