package fundexchange.protocol.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fee arithmetic (basis points of the consideration, half up to the fen, exact for any consideration) and the fee
 * parameters' mechanisms.
 */
class FeeScheduleTest {
    private static final FeeSchedule.Rate UNCLAMPED = new FeeSchedule.Rate(10, 1000, Money.ZERO,
            new Money(Long.MAX_VALUE));

    @Test
    void aFeeRoundsHalfUpToTheFen() {
        assertEquals(new Money(1), UNCLAMPED.fee(1000, new Money(5))); // 0.005 -> 0.01
        assertEquals(new Money(0), UNCLAMPED.fee(1000, new Money(4))); // 0.004 -> 0.00
        assertEquals(Money.of("10.00"), UNCLAMPED.buyerFee(Money.of("10000.00")));
        assertEquals(Money.of("0.01"), UNCLAMPED.buyerFee(Money.of("5.00"))); // 0.005 -> 0.01
    }

    @Test
    void aConsiderationWhoseProductWithTheRateOverflowsStillGetsItsExactFee() {
        long raw = Long.MAX_VALUE / 2 + 12_345;
        for (int bps : new int[] {1, 10, 999, 1000}) {
            long expected = BigInteger.valueOf(raw).multiply(BigInteger.valueOf(bps)).add(BigInteger.valueOf(5000))
                    .divide(BigInteger.valueOf(10_000)).longValueExact();
            assertEquals(new Money(expected), UNCLAMPED.fee(bps, new Money(raw)));
        }
        assertEquals(new Money(Long.MAX_VALUE / 10_000 * 1000 + (Long.MAX_VALUE % 10_000 * 1000 + 5000) / 10_000),
                UNCLAMPED.fee(1000, new Money(Long.MAX_VALUE)));
    }

    /**
     * Derived from {@code ListingMechanism}, the list is the one the released rules have always named, in its order
     * (the parameter names, {@code GET /parameters} and the state's parameters follow it); a new constant appends before
     * {@code book}, as the clock (rules version 12) did.
     */
    @Test
    void theMechanismsAreTheListingMechanismsThenTheBookAndOffersAsReleased() {
        assertEquals(List.of("negotiated", "english", "sealed", "dutch", "clock", "book", "offer"),
                FeeSchedule.MECHANISMS);
        assertEquals(List.of("fee-negotiated-buyer-bps", "fee-negotiated-seller-bps", "fee-negotiated-minimum",
                "fee-negotiated-maximum"), FeeSchedule.names().subList(0, 4));
        assertEquals(28, FeeSchedule.names().size());
    }

    /** A fee parameter names its listing mechanism by the constant's fee name; the book's and the offers' name none. */
    @Test
    void aFeeParameterNamesItsListingMechanismByTheConstantsLowerCaseName() {
        assertEquals("dutch", FeeSchedule.feeName(ListingMechanism.DUTCH));
        assertEquals("negotiated", FeeSchedule.feeName(ListingMechanism.NEGOTIATED));
        assertEquals(Optional.of(ListingMechanism.DUTCH), FeeSchedule.mechanismOf("fee-dutch-minimum"));
        assertEquals(Optional.of(ListingMechanism.SEALED), FeeSchedule.mechanismOf("fee-sealed-seller-bps"));
        assertEquals(Optional.of(ListingMechanism.NEGOTIATED), FeeSchedule.mechanismOf("fee-negotiated-buyer-bps"));
        for (String none : List.of("fee-book-minimum", "fee-offer-maximum", "fee-dutch-bogus", "bid-deposit-bp",
                "fee-DUTCH-minimum")) {
            assertEquals(Optional.empty(), FeeSchedule.mechanismOf(none), none);
        }
    }

    @Test
    void theDefaultRateClampsToItsMaximumForTheLargestConsideration() {
        FeeSchedule.Rate rate = FeeSchedule.rate(null, "negotiated");
        assertEquals(FeeSchedule.DEFAULT_MAXIMUM, rate.buyerFee(new Money(Long.MAX_VALUE)));
    }
}
