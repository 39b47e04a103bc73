package fundexchange.engine.position;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;

/**
 * A holder's units in one fund: total, locked by open listings, sell orders or pending trades, cost basis of the
 * total, and the anti-flip record: the business date units were last acquired by a trade ({@code acquiredOn}, null if
 * only deposited) and how many units acquired up to then are still inside the anti-flip period as of that date
 * ({@code acquiredUnits}; null in records from before it existed, meaning all units).
 */
public record Position(String fundCode, String holder, Units units, Units locked, Money cost, String acquiredOn,
                       Units acquiredUnits) {
    public static Position empty(String fundCode, String holder) {
        return new Position(fundCode, holder, Units.ZERO, Units.ZERO, Money.ZERO, null, null);
    }

    public Units available() {
        return units.minus(locked);
    }

    public Position withUnits(Units newUnits, Units newLocked, Money newCost) {
        return new Position(fundCode, holder, newUnits, newLocked, newCost, acquiredOn, acquiredUnits);
    }

    public Position withLocked(Units newLocked) {
        return new Position(fundCode, holder, units, newLocked, cost, acquiredOn, acquiredUnits);
    }

    public Position withAcquiredUnits(Units newAcquiredUnits) {
        return new Position(fundCode, holder, units, locked, cost, acquiredOn, newAcquiredUnits);
    }

    /**
     * Records {@code bought} units acquired on {@code businessDate}; {@code earlierStillRestricted} says whether the
     * previous acquisitions are still inside the anti-flip period on that date (then they add up).
     */
    public Position acquired(String businessDate, Units bought, boolean earlierStillRestricted) {
        Units restricted = earlierStillRestricted && acquiredUnits != null ? acquiredUnits.plus(bought) : bought;
        return new Position(fundCode, holder, units, locked, cost, businessDate, restricted.min(units));
    }

    public boolean isEmpty() {
        return units.raw() == 0 && locked.raw() == 0;
    }
}
