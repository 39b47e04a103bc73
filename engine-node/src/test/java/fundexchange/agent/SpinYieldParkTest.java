package fundexchange.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.agent.SpinYieldPark.Park;
import fundexchange.agent.SpinYieldPark.Spin;
import fundexchange.agent.SpinYieldPark.Step;
import fundexchange.agent.SpinYieldPark.Yield;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpinYieldParkTest {
    private final List<Step> taken = new ArrayList<>();
    private final SpinYieldPark idle = new SpinYieldPark(2, 1, 2, Duration.ofNanos(1_000), Duration.ofNanos(5_000),
            taken::add);

    @Test
    void spinsThenYieldsThenParksShortThenLong() {
        for (int i = 0; i < 7; i++) {
            idle.idle(0);
        }
        assertEquals(List.of(new Spin(), new Spin(), new Yield(), new Park(1_000), new Park(1_000), new Park(5_000),
                new Park(5_000)), taken);
    }

    @Test
    void aCycleThatWorksStartsTheBackOffOverAndWaitsNot() {
        idle.idle(0);
        idle.idle(0);
        idle.idle(0);
        idle.idle(3);
        idle.idle(0);
        assertEquals(List.of(new Spin(), new Spin(), new Yield(), new Spin()), taken);
    }

    @Test
    void theStepDependsOnlyOnTheEmptyCyclesSoFarAndNeverOverflows() {
        SpinYieldPark engine = new SpinYieldPark(100, 100, 0, Duration.ofNanos(200_000), Duration.ofNanos(200_000));
        assertEquals(List.of(new Spin(), new Spin(), new Yield(), new Yield(), new Park(200_000), new Park(200_000)),
                List.of(engine.stepAfter(0), engine.stepAfter(99), engine.stepAfter(100), engine.stepAfter(199),
                        engine.stepAfter(200), engine.stepAfter(Integer.MAX_VALUE)));
        SpinYieldPark wide = new SpinYieldPark(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Duration.ofNanos(1), Duration.ofNanos(2));
        assertEquals(new Spin(), wide.stepAfter(Integer.MAX_VALUE - 1));
    }

    @Test
    void parkingParksTheSameOnEveryEmptyCycle() {
        SpinYieldPark parking = SpinYieldPark.parking(Duration.ofMillis(2));
        assertEquals(List.of(new Park(2_000_000), new Park(2_000_000)),
                List.of(parking.stepAfter(0), parking.stepAfter(Integer.MAX_VALUE)));
    }

    @Test
    void refusesABackOffThatCannotBeTaken() {
        Duration one = Duration.ofNanos(1);
        assertThrows(IllegalArgumentException.class, () -> new SpinYieldPark(-1, 0, 0, one, one));
        assertThrows(IllegalArgumentException.class, () -> new SpinYieldPark(0, 0, 0, Duration.ZERO, one));
        assertThrows(IllegalArgumentException.class, () -> new SpinYieldPark(0, 0, 0, Duration.ofNanos(2), one));
    }
}
