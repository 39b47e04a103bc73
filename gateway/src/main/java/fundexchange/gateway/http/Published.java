package fundexchange.gateway.http;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The public precision of market data (docs/rules.md, Public market data): volumes and considerations at two
 * significant figures, VWAP at three, percentages at one decimal, all rounded half up; exact values stay internal, so
 * that a co-seller cannot difference successive or sibling figures exactly.
 */
final class Published {
    private static final MathContext TWO = new MathContext(2, RoundingMode.HALF_UP);
    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_UP);

    private Published() {
    }

    /** Units or money at two significant figures, as a plain decimal string. */
    static String amount(BigDecimal exact) {
        return plain(exact.round(TWO));
    }

    /** A price at three significant figures. */
    static String price(BigDecimal exact) {
        return plain(exact.round(THREE));
    }

    /** A percentage at one decimal. */
    static String percent(BigDecimal exact) {
        return exact.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal rounded) {
        BigDecimal value = rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
