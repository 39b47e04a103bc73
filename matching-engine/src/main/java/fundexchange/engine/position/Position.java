package fundexchange.engine.position;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;

/** A holder's units in one fund: total, locked by open listings or pending trades, and cost basis of the total. */
public record Position(String fundCode, String holder, Units units, Units locked, Money cost) {
    public static Position empty(String fundCode, String holder) {
        return new Position(fundCode, holder, Units.ZERO, Units.ZERO, Money.ZERO);
    }

    public Units available() {
        return units.minus(locked);
    }

    public Position withUnits(Units newUnits, Units newLocked, Money newCost) {
        return new Position(fundCode, holder, newUnits, newLocked, newCost);
    }

    public boolean isEmpty() {
        return units.raw() == 0 && locked.raw() == 0;
    }
}
