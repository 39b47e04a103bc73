package fundexchange.protocol.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.money.Price;
import java.util.List;
import org.junit.jupiter.api.Test;

class DutchClockTest {
    private static final long START = 1_000_000;
    private static final long STEP = 600_000;
    private final AuctionTerms terms = new AuctionTerms(Price.of("1.0000"), Price.of("0.8000"), Price.of("0.0500"),
            START, START + 6 * STEP, 0, 0, false, STEP);

    @Test
    void fallsByTheDecrementEachWholeStepAndRestsAtTheFloor() {
        List<Long> times = List.of(0L, START, START + STEP - 1, START + STEP, START + 2 * STEP + 1, START + 4 * STEP,
                START + 6 * STEP);
        assertEquals(List.of(Price.of("1.0000"), Price.of("1.0000"), Price.of("1.0000"), Price.of("0.9500"),
                Price.of("0.9000"), Price.of("0.8000"), Price.of("0.8000")), times.stream().map(time -> DutchClock.price(terms, time)).toList());
    }

    @Test
    void nextStepIsTheNextWholeStepUntilTheFloorOrTheEnd() {
        List<Long> times = List.of(0L, START, START + STEP + 5, START + 3 * STEP, START + 4 * STEP);
        assertEquals(List.of(START + STEP, START + STEP, START + 2 * STEP, START + 4 * STEP, 0L),
                times.stream().map(time -> DutchClock.nextStepAt(terms, time)).toList());
        AuctionTerms slow = new AuctionTerms(Price.of("1.0000"), Price.of("0.1000"), Price.of("0.0100"), START,
                START + 2 * STEP, 0, 0, false, STEP);
        assertEquals(0L, DutchClock.nextStepAt(slow, START + STEP));
    }

    @Test
    void aDecrementTimesStepsPastTheLongRangeIsTheFloor() {
        AuctionTerms steep = new AuctionTerms(new Price(Long.MAX_VALUE), Price.of("0.0001"), new Price(Long.MAX_VALUE / 2),
                0, Long.MAX_VALUE, 0, 0, false, 1L);
        assertEquals(List.of(new Price(Long.MAX_VALUE), new Price(1), new Price(1)),
                List.of(DutchClock.price(steep, 0), DutchClock.price(steep, 3), DutchClock.price(steep, 1L << 40)));
    }
}
