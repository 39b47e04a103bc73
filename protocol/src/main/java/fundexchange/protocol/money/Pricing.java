package fundexchange.protocol.money;

/** How a trade's consideration and its price measures are derived. All results are rounded HALF_EVEN. */
public final class Pricing {
    private static final long UNIT_TIMES_PRICE_TO_MONEY = FixedPoint.pow10(Units.SCALE + Price.SCALE - Money.SCALE);
    private static final long BASIS_POINTS = 10_000L;

    private Pricing() {
    }

    /** units x price, at money scale. */
    public static Money consideration(Units units, Price price) {
        return new Money(FixedPoint.mulDiv(units.raw(), price.raw(), UNIT_TIMES_PRICE_TO_MONEY));
    }

    /** price / NAV per unit, in basis points (10000 = at NAV). */
    public static long percentOfNavBasisPoints(Price price, Price navPerUnit) {
        return FixedPoint.mulDiv(price.raw(), BASIS_POINTS, navPerUnit.raw());
    }

    /** The share of a position's cost that {@code part} of its {@code whole} units carries. */
    public static Money proportionalCost(Money cost, Units part, Units whole) {
        return new Money(FixedPoint.mulDiv(cost.raw(), part.raw(), whole.raw()));
    }

    /** consideration / cost of the lot sold, at scale 4; zero when the lot cost nothing. */
    public static Multiple multipleOfCost(Money consideration, Money costOfLot) {
        if (costOfLot.raw() == 0) {
            return Multiple.ZERO;
        }
        return new Multiple(FixedPoint.mulDiv(consideration.raw(), FixedPoint.pow10(Multiple.SCALE), costOfLot.raw()));
    }
}
