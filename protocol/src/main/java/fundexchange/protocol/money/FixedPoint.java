package fundexchange.protocol.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Overflow-checked fixed-point helpers shared by the value types. Rounding is always HALF_EVEN. */
public final class FixedPoint {
    private FixedPoint() {
    }

    /** Parses an exact decimal at the given scale; more fractional digits than the scale is an error, not a rounding. */
    public static long parse(BigDecimal value, int scale, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        BigDecimal scaled;
        try {
            scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " has more than " + scale + " decimal places: " + value.toPlainString());
        }
        try {
            return scaled.unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is too large: " + value.toPlainString());
        }
    }

    public static BigDecimal toDecimal(long raw, int scale) {
        return BigDecimal.valueOf(raw, scale);
    }

    /** {@code a * b / divisor}, rounded HALF_EVEN; throws ArithmeticException when the result does not fit a long. */
    public static long mulDiv(long a, long b, long divisor) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return divideRounded(low, divisor);
        }
        // The product needs 128 bits; only the quotient has to fit in a long.
        return new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    /** {@code dividend / divisor}, rounded HALF_EVEN. */
    public static long divideRounded(long dividend, long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (remainder == 0) {
            return quotient;
        }
        long twiceRemainder = Math.abs(Math.multiplyExact(remainder, 2L));
        long absDivisor = Math.abs(divisor);
        boolean negative = (dividend < 0) != (divisor < 0);
        int compare = Long.compare(twiceRemainder, absDivisor);
        if (compare > 0 || (compare == 0 && (quotient & 1L) != 0)) {
            return negative ? quotient - 1 : quotient + 1;
        }
        return quotient;
    }

    public static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, 10L);
        }
        return result;
    }
}
