package fundexchange.protocol.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clock auction's rule, shared by the engine and the gateway's read: the round at a time and its price. */
class ClockTermsTest {
    private static final long START = 1_796_000_000_000L;
    private static final ClockTerms.ClockListing CLOCK = new ClockTerms.ClockListing(Price.of("0.0100"), 60_000);
    private static final ListingFacts HOUR = new ListingFacts(Price.of("1.0000"), Units.of("200000.00"), START,
            START + 3_600_000);

    @Test
    void theRoundIsTheWholeRoundsElapsedSinceTheStartAndZeroBeforeIt() {
        assertEquals(0, ClockTerms.roundAt(START, 60_000, START - 1));
        assertEquals(0, ClockTerms.roundAt(START, 60_000, Long.MIN_VALUE));
        assertEquals(0, ClockTerms.roundAt(START, 60_000, START));
        assertEquals(0, ClockTerms.roundAt(START, 60_000, START + 59_999));
        assertEquals(1, ClockTerms.roundAt(START, 60_000, START + 60_000));
        assertEquals(59, ClockTerms.roundAt(START, 60_000, START + 3_599_999));
        assertThrows(IllegalArgumentException.class, () -> ClockTerms.roundAt(START, 0, START));
        assertThrows(ArithmeticException.class, () -> ClockTerms.roundAt(Long.MIN_VALUE + 1, 1, Long.MAX_VALUE));
    }

    @Test
    void aRoundsPriceIsTheStartPlusOneIncrementPerRoundExactly() {
        assertEquals(Price.of("1.0000"), ClockTerms.priceOfRound(Price.of("1.0000"), Price.of("0.0100"), 0));
        assertEquals(Price.of("1.5900"), ClockTerms.priceOfRound(Price.of("1.0000"), Price.of("0.0100"), 59));
        assertThrows(ArithmeticException.class,
                () -> ClockTerms.priceOfRound(Price.of("1.0000"), Price.of("0.0100"), Long.MAX_VALUE / 50));
        assertThrows(ArithmeticException.class,
                () -> ClockTerms.priceOfRound(new Price(Long.MAX_VALUE - 99), Price.of("0.0100"), 1));
        assertThrows(IllegalArgumentException.class,
                () -> ClockTerms.priceOfRound(Price.of("1.0000"), Price.of("0.0100"), -1));
    }

    /** The read's clock: the round running at the read, clamped to the window, and its price, in name order. */
    @Test
    void aReadShowsTheRoundRunningWithinTheWindowAndItsPrice() {
        assertEquals(Map.of("round", 0L, "roundPrice", Price.of("1.0000")), CLOCK.readAt(HOUR, START - 5_000), "before");
        assertEquals(Map.of("round", 2L, "roundPrice", Price.of("1.0200")), CLOCK.readAt(HOUR, START + 150_000));
        assertEquals(Map.of("round", 59L, "roundPrice", Price.of("1.5900")), CLOCK.readAt(HOUR, START + 3_600_000),
                "the window's last round once it closed");
        assertEquals(Map.of("round", 59L, "roundPrice", Price.of("1.5900")), CLOCK.readAt(HOUR, Long.MAX_VALUE));
        assertEquals("[round, roundPrice]", CLOCK.readAt(HOUR, START).keySet().toString());
    }

    @Test
    void aClockNoEngineAcceptsReadsNothingOrNoPrice() {
        assertEquals(Map.of(), new ClockTerms.ClockListing(Price.of("0.0100"), 0).readAt(HOUR, START));
        assertEquals(Map.of(), CLOCK.readAt(new ListingFacts(Price.of("1.0000"), Units.of("1.00"), START, START), START));
        assertEquals(Map.of("round", 59L), new ClockTerms.ClockListing(new Price(Long.MAX_VALUE / 2), 60_000)
                .readAt(HOUR, START + 3_600_000), "a price past the range shows no price");
        assertEquals(Map.of(), CLOCK.readAt(new ListingFacts(Price.of("1.0000"), Units.of("1.00"), Long.MIN_VALUE + 10,
                Long.MAX_VALUE), START), "a window whose rounds a long cannot count shows nothing, and throws nothing");
    }
}
