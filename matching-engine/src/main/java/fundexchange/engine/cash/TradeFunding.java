package fundexchange.engine.cash;

import fundexchange.protocol.money.Money;

/**
 * A trade settled delivery versus payment (rules version 8), from its execution until its cash settles or is released:
 * its amounts, {@code funded} (what the buyer locked for it by {@code FundTrade} or the book batch, a deposit held for
 * it not included) and {@code registrationDue} (epoch ms; 0 while it awaits funding, then the deadline of its
 * registration change). {@code manager}: who confirms the registration change (the fund's manager participant; null:
 * staff, for a fund without one). {@code delivery} (rules version 9; null until then, and always before version 9):
 * what moved at funding, so that the registration change finishes it and an unwind returns exactly that.
 */
public record TradeFunding(long tradeId, String fundCode, String seller, String buyer, String manager, String currency,
                           Money consideration, Money buyerFee, Money sellerFee, Money funded, long registrationDue,
                           Delivery delivery) {
    /**
     * What a delivered trade's units took from the seller at funding: cost, and registered commitment (null when
     * none). Its cash locked then is {@link #proceeds()} for the seller and {@link #fees()} in REVENUE.
     */
    public record Delivery(Money sellerCostReleased, Money subscribedMoved, Money paidInMoved) {
    }

    public TradeFunding(long tradeId, String fundCode, String seller, String buyer, String manager, String currency,
                        Money consideration, Money buyerFee, Money sellerFee, Money funded, long registrationDue) {
        this(tradeId, fundCode, seller, buyer, manager, currency, consideration, buyerFee, sellerFee, funded,
                registrationDue, null);
    }

    /** What the buyer owes: the consideration plus its fee. */
    public Money due() {
        return consideration.plus(buyerFee);
    }

    /** What the seller receives: the consideration less its fee. */
    public Money proceeds() {
        return consideration.minus(sellerFee);
    }

    /** Both fees. */
    public Money fees() {
        return buyerFee.plus(sellerFee);
    }

    /** Whether all is funded and the registration change is awaited. */
    public boolean awaitingRegistration() {
        return registrationDue != 0;
    }

    /** Whether the units and cash moved at funding (rules version 9). */
    public boolean delivered() {
        return delivery != null;
    }

    public TradeFunding withFunded(Money total) {
        return new TradeFunding(tradeId, fundCode, seller, buyer, manager, currency, consideration, buyerFee, sellerFee,
                total, registrationDue, delivery);
    }

    public TradeFunding awaitingRegistrationUntil(long due) {
        return new TradeFunding(tradeId, fundCode, seller, buyer, manager, currency, consideration, buyerFee, sellerFee,
                funded, due, delivery);
    }

    public TradeFunding deliveredAs(Delivery moved) {
        return new TradeFunding(tradeId, fundCode, seller, buyer, manager, currency, consideration, buyerFee, sellerFee,
                funded, registrationDue, moved);
    }
}
