package fundexchange.protocol.custody;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * One holder's line in a custody registration: its units, the capital it subscribed and paid in for them, and its
 * cost basis ({@code cost} defaults to {@code paidIn} when absent).
 */
public record CustodyEntry(String holder, Units units, Money subscribed, Money paidIn, Money cost) {
    public CustodyEntry withCost(Money newCost) {
        return new CustodyEntry(holder, units, subscribed, paidIn, newCost);
    }
}
