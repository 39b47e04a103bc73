package fundexchange.engine;

import fundexchange.engine.stateowned.Appraisal;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.math.BigInteger;

/**
 * An appraisal's prices per unit, rounded up (so a price at or above the rounded figure is at or above the exact
 * one): the appraised price, and the line under which the approving body's consent is needed (90%).
 */
final class AppraisalPrices {
    /** value (scale 2) per unit (scale 2) at price scale 4: value * 10^4 / units. */
    private static final BigInteger TO_PRICE = BigInteger.TEN.pow(Price.SCALE + Units.SCALE - Money.SCALE);

    private AppraisalPrices() {
    }

    /** The appraised value per unit, rounded up; throws ArithmeticException beyond a long. */
    static Price perUnit(Money value, Units units) {
        return new Price(ceilDiv(BigInteger.valueOf(value.raw()).multiply(TO_PRICE), BigInteger.valueOf(units.raw())));
    }

    /** 90% of the appraised value per unit, rounded up. */
    static Price consentLine(Appraisal appraisal) {
        BigInteger numerator = BigInteger.valueOf(appraisal.value().raw()).multiply(TO_PRICE)
                .multiply(BigInteger.valueOf(StateOwnedRules.CONSENT_LINE_PERCENT));
        return new Price(ceilDiv(numerator, BigInteger.valueOf(appraisal.units().raw()).multiply(BigInteger.valueOf(100))));
    }

    private static long ceilDiv(BigInteger numerator, BigInteger divisor) {
        BigInteger[] qr = numerator.divideAndRemainder(divisor);
        BigInteger quotient = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return quotient.longValueExact();
    }
}
