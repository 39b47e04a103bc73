package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The places of waiting reads: capped per source, given back on leaving, counted for whoever awaits them. */
class MinIndexWaitersTest {
    @Test
    void eachSourceHasItsOwnPlacesAndALeavingReadGivesItsPlaceBack() throws Exception {
        MinIndexWaiters waiters = new MinIndexWaiters(2);
        List<Boolean> entered = List.of(waiters.enter(ReadSource.REGISTRY), waiters.enter(ReadSource.REGISTRY),
                waiters.enter(ReadSource.REGISTRY), waiters.enter(ReadSource.VIEW), waiters.enter(ReadSource.AUDIT_INDEX));
        assertEquals(List.of(true, true, false, true, true), entered);
        assertEquals(4, waiters.waiting());
        assertEquals(true, waiters.awaitWaiting(4, Duration.ZERO));
        assertEquals(false, waiters.awaitWaiting(5, Duration.ZERO));
        waiters.leave(ReadSource.REGISTRY);
        assertEquals(List.of(true, false), List.of(waiters.enter(ReadSource.REGISTRY), waiters.enter(ReadSource.REGISTRY)));
    }
}
