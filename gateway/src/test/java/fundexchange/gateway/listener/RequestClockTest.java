package fundexchange.gateway.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bound on each read, stepped by hand: the idle timeout runs from when the connection starts waiting, a request's
 * deadline from its first byte however many bytes follow, and no read waits longer than the read timeout.
 */
class RequestClockTest {
    private static final long MS = 1_000_000;
    private static final ConnectionLimits LIMITS = new ConnectionLimits(10, Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(300), 1 << 20, 4_096, 16_384).withSlowClientLimits(64, Duration.ofMillis(1_000),
            Duration.ofSeconds(1));

    private long now = 7_000 * MS;
    private final RequestClock clock = new RequestClock(LIMITS, () -> now);

    @Test
    void aClientTricklingAByteEvery200msIsCutOffOneSecondAfterItsFirstByte() {
        List<Integer> waits = new ArrayList<>();
        waits.add(clock.nextReadMillis());
        now += 450 * MS;
        clock.received();
        for (int i = 0; i < 6; i++) {
            waits.add(clock.nextReadMillis());
            now += 200 * MS;
            clock.received();
        }
        waits.add(clock.nextReadMillis());
        // idle (capped by the 300 ms read timeout), then the request's 1,000 ms shrinking from its first byte
        assertEquals(List.of(300, 300, 300, 300, 300, 200, 0), waits.subList(0, 7));
        assertEquals(RequestClock.Phase.HEAD, clock.phase());
        assertEquals(0, waits.get(7));
    }

    @Test
    void theIdleTimeoutRunsFromWhenTheConnectionStartsWaitingAndRestartsAfterEachAnswer() {
        assertEquals(300, clock.nextReadMillis());
        now += 300 * MS;
        assertEquals(200, clock.nextReadMillis());
        now += 200 * MS;
        assertEquals(0, clock.nextReadMillis());

        RequestClock next = new RequestClock(LIMITS, () -> now);
        next.nextReadMillis();
        next.received();
        next.headComplete();
        now += 900 * MS;
        assertEquals(100, next.nextReadMillis());
        next.answered();
        now += 5_000 * MS;
        assertEquals(List.of(RequestClock.Phase.BETWEEN_REQUESTS, 300), List.of(next.phase(), next.nextReadMillis()));
    }

    @Test
    void aPipelinedRequestAlreadyBufferedStartsItsDeadlineAtItsRequestLineAndKeepsItThroughItsBody() {
        clock.nextReadMillis();
        clock.received();
        clock.headComplete();
        clock.answered();
        now += 50 * MS;
        clock.prologue();
        now += 400 * MS;
        clock.headComplete();
        assertEquals(RequestClock.Phase.BODY, clock.phase());
        now += 500 * MS;
        assertEquals(100, clock.nextReadMillis());
        now += 100 * MS;
        assertEquals(0, clock.nextReadMillis());
    }
}
