package fundexchange.protocol.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FixedPointTest {
    @Test
    void roundsHalfToEven() {
        assertEquals(2, FixedPoint.divideRounded(5, 2));
        assertEquals(4, FixedPoint.divideRounded(7, 2));
        assertEquals(-2, FixedPoint.divideRounded(-5, 2));
        assertEquals(3, FixedPoint.divideRounded(8, 3));
    }

    @Test
    void mulDivKeepsAProductBeyondALongWhenTheResultFits() {
        // RMB 100M of cost (scale 2) times 10M units (scale 2) over 20M units: 1e10 * 1e9 overflows a long.
        assertEquals(5_000_000_000L, FixedPoint.mulDiv(10_000_000_000L, 1_000_000_000L, 2_000_000_000L));
        assertEquals(Long.MAX_VALUE, FixedPoint.mulDiv(Long.MAX_VALUE, 3, 3));
    }

    @Test
    void mulDivRefusesAResultThatDoesNotFit() {
        assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(Long.MAX_VALUE, 4, 3));
    }

    @Test
    void parsingRefusesMoreDecimalsThanTheScaleInsteadOfRounding() {
        assertEquals(new Units(123456), Units.of("1234.56"));
        assertThrows(IllegalArgumentException.class, () -> Units.of("1.001"));
        assertThrows(IllegalArgumentException.class, () -> Price.of("99999999999999999999"));
        assertEquals("0.9000", Price.of("0.9").toString());
    }

    @Test
    void pricingShowsPercentOfNavAndMultipleOfCost() {
        Money consideration = Pricing.consideration(Units.of("400000.00"), Price.of("0.9000"));
        assertEquals(Money.of("360000.00"), consideration);
        assertEquals(6000, Pricing.percentOfNavBasisPoints(Price.of("0.9000"), Price.of("1.5000")));
        assertEquals(Multiple.of("0.9000"), Pricing.multipleOfCost(consideration, Money.of("400000.00")));
    }
}
