package fundexchange.engine.cash;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;

/** One cash account of a currency: its available and locked balances, both never negative. */
public record CashBalance(String currency, AccountRef account, Money available, Money locked) {
    /** Available plus locked: what the account holds in escrow. */
    public Money total() {
        return available.plus(locked);
    }
}
