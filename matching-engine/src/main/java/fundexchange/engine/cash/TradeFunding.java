package fundexchange.engine.cash;

import fundexchange.protocol.money.Money;

/**
 * A trade settled delivery versus payment (rules version 8), from its execution until its cash settles or is released:
 * its amounts, {@code funded} (what the buyer locked for it by {@code FundTrade} or the book batch, a deposit held for
 * it not included) and {@code registrationDue} (epoch ms; 0 while it awaits funding, then the deadline of its
 * registration change). {@code manager}: who confirms the registration change (the fund's manager participant; null:
 * staff, for a fund without one).
 */
public record TradeFunding(long tradeId, String fundCode, String seller, String buyer, String manager, String currency,
                           Money consideration, Money buyerFee, Money sellerFee, Money funded, long registrationDue) {
    /** What the buyer owes: the consideration plus its fee. */
    public Money due() {
        return consideration.plus(buyerFee);
    }

    /** Whether all is funded and the registration change is awaited. */
    public boolean awaitingRegistration() {
        return registrationDue != 0;
    }

    public TradeFunding withFunded(Money total) {
        return new TradeFunding(tradeId, fundCode, seller, buyer, manager, currency, consideration, buyerFee, sellerFee,
                total, registrationDue);
    }

    public TradeFunding awaitingRegistrationUntil(long due) {
        return new TradeFunding(tradeId, fundCode, seller, buyer, manager, currency, consideration, buyerFee, sellerFee,
                funded, due);
    }
}
