package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fundexchange.gateway.listener.ListenerState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node gives up (for its supervisor) only when the public listener no longer listens, and says so once. */
class ListenerWatchdogTest {
    private static ListenerState state(ListenerState.Status status, int open) {
        return new ListenerState(status, open, 20);
    }

    @Test
    void aSaturatedListenerIsLeftAloneAndADownOneIsReportedOnce() {
        Deque<ListenerState> seen = new ArrayDeque<>(List.of(state(ListenerState.Status.STARTING, 0),
                state(ListenerState.Status.SERVING, 3), state(ListenerState.Status.SATURATED, 20),
                state(ListenerState.Status.SERVING, 19), state(ListenerState.Status.DOWN, 0),
                state(ListenerState.Status.DOWN, 0)));
        List<ListenerState> reported = new ArrayList<>();
        try (ListenerWatchdog watchdog = new ListenerWatchdog(seen::removeFirst, reported::add)) {
            List<Boolean> checks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                checks.add(watchdog.check());
            }
            assertEquals(List.of(true, true, true, true, false), checks);
            assertFalse(watchdog.check(), "stays down");
            assertEquals(List.of(state(ListenerState.Status.DOWN, 0)), reported);
            assertEquals(1, seen.size(), "no further look once down");
        }
    }
}
