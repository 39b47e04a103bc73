package fundexchange.engine.position;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;

/**
 * A holder's units in one fund: total, locked by open listings, sell orders or pending trades, cost basis of the
 * total, and the business date units were last acquired by a trade (null if only deposited; the anti-flip rule's
 * start).
 */
public record Position(String fundCode, String holder, Units units, Units locked, Money cost, String acquiredOn) {
    public static Position empty(String fundCode, String holder) {
        return new Position(fundCode, holder, Units.ZERO, Units.ZERO, Money.ZERO, null);
    }

    public Units available() {
        return units.minus(locked);
    }

    public Position withUnits(Units newUnits, Units newLocked, Money newCost) {
        return new Position(fundCode, holder, newUnits, newLocked, newCost, acquiredOn);
    }

    public Position withLocked(Units newLocked) {
        return new Position(fundCode, holder, units, newLocked, cost, acquiredOn);
    }

    public Position acquiredOn(String businessDate) {
        return new Position(fundCode, holder, units, locked, cost, businessDate);
    }

    public boolean isEmpty() {
        return units.raw() == 0 && locked.raw() == 0;
    }
}
