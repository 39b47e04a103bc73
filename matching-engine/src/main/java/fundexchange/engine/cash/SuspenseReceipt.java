package fundexchange.engine.cash;

import fundexchange.protocol.money.Money;

/** A receipt the bank could not attribute, by its bank reference. */
public record SuspenseReceipt(String bankReference, String currency, Money amount, String valueDate,
                              SuspenseStatus status) {
    public SuspenseReceipt with(SuspenseStatus next) {
        return new SuspenseReceipt(bankReference, currency, amount, valueDate, next);
    }
}
