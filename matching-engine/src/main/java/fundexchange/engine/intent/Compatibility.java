package fundexchange.engine.intent;

import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.FixedPoint;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import java.math.BigInteger;

/**
 * The hard constraints of a match, the one definition shared by the indexed and the brute-force matcher
 * (docs/matching.md): the fund is the intent's target; the ask's % of NAV is at most the intent's maximum; the
 * investor is not the seller; some lot of at least {@code lotMin} units is worth at most the intent's maximum amount
 * and the largest such lot at least its minimum; the investor may buy and the seller may sell now.
 */
public final class Compatibility {
    private static final long UNITS_PER_MONEY_OVER_PRICE = FixedPoint.pow10(Units.SCALE + Price.SCALE - Money.SCALE);

    private Compatibility() {
    }

    /** The scored pair, or null when any hard constraint fails. Checks run cheapest first. */
    public static Candidate evaluate(Ask ask, Want want, Fund fund, Eligibility eligibility, Side resting) {
        if (ask.percentOfNavBasisPoints() > want.maxPercentOfNavBasisPoints()
                || ask.seller().equals(want.investor())
                || !want.accepts(fund)) {
            return null;
        }
        long units = Math.min(ask.lotMax().raw(), affordableUnits(want.maxAmount(), ask.price()));
        if (units <= 0 || units < ask.lotMin().raw()) {
            return null;
        }
        Units lot = new Units(units);
        Money amount = Pricing.consideration(lot, ask.price());
        if (amount.compareTo(want.minAmount()) < 0
                || !eligibility.buyer(want.investor(), fund)
                || !eligibility.seller(ask.seller(), fund)) {
            return null;
        }
        return new Candidate(ask, want, lot, amount,
                want.maxPercentOfNavBasisPoints() - ask.percentOfNavBasisPoints(), resting);
    }

    /** The most units (raw, scale 2) whose consideration at {@code price} is at most {@code budget}: rounded down. */
    public static long affordableUnits(Money budget, Price price) {
        long high = Math.multiplyHigh(budget.raw(), UNITS_PER_MONEY_OVER_PRICE);
        long low = budget.raw() * UNITS_PER_MONEY_OVER_PRICE;
        if (high == 0 && low >= 0) {
            return low / price.raw();
        }
        BigInteger units = BigInteger.valueOf(budget.raw()).multiply(BigInteger.valueOf(UNITS_PER_MONEY_OVER_PRICE))
                .divide(BigInteger.valueOf(price.raw()));
        return units.bitLength() < 64 ? units.longValue() : Long.MAX_VALUE;
    }

    /**
     * A price as basis points of NAV, rounded HALF_EVEN as trades show it; {@link Long#MAX_VALUE} (never compatible)
     * when it does not fit a long, so re-indexing after a NAV change can never fail.
     */
    public static long percentOfNav(Price price, Price nav) {
        try {
            return Pricing.percentOfNavBasisPoints(price, nav);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
