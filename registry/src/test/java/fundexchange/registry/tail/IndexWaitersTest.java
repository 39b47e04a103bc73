package fundexchange.registry.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A wait for an index: answered by the advance that reaches it, refused at its deadline or a stop, never left behind. */
class IndexWaitersTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void aReachedIndexIsAnsweredAtOnceAndAnUnreachedOneNotAtItsDeadline() {
        IndexWaiters progress = new IndexWaiters();
        progress.advance(7);
        assertEquals(List.of(true, true, false), List.of(progress.await(0, Duration.ZERO), progress.await(7, Duration.ZERO),
                progress.await(8, Duration.ZERO)));
        assertEquals(0, progress.waiting(), "a waiter that timed out is gone from the set");
    }

    @Test
    void eachWaiterIsReleasedByTheAdvanceThatReachesItsOwnIndex() throws Exception {
        IndexWaiters progress = new IndexWaiters();
        CompletableFuture<Boolean> three = CompletableFuture.supplyAsync(() -> progress.await(3, LONG));
        CompletableFuture<Boolean> five = CompletableFuture.supplyAsync(() -> progress.await(5, LONG));
        assertTrue(progress.awaitWaiting(2, LONG), "both wait before the first advance");
        progress.advance(2);
        assertEquals(List.of(false, false, 2), List.of(three.isDone(), five.isDone(), progress.waiting()),
                "index 2 releases nobody");
        progress.advance(3);
        assertEquals(true, three.get(LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertFalse(five.isDone(), "index 3 does not release a wait for 5");
        assertEquals(1, progress.waiting(), "the wait for 5 is still registered");
        progress.advance(5);
        assertEquals(true, five.get(LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(List.of(5L, 0), List.of(progress.index(), progress.waiting()));
    }

    @Test
    void aStopReleasesEveryWaiterUnanswered() throws Exception {
        IndexWaiters progress = new IndexWaiters();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> progress.await(5, LONG));
        progress.advance(4);
        progress.stop();
        assertEquals(false, waiter.get(LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(false, progress.await(5, LONG), "after a stop nobody waits");
    }

    /**
     * Far more waiting virtual threads than carriers, every one registered before the advance, and the advance itself
     * made on a virtual thread: each wait is released by that advance (none by the index check on entry), and a wait
     * that held its carrier would leave none for the advance. On JDK 24 and later, which this build runs (JDK 25), a
     * virtual thread parked on a monitor no longer pins its carrier either, so there this proves the release path and
     * that waits do not starve the advance; the pinning itself could only show on the release target, JDK 21, where
     * {@code IndexWaiters} parks on {@code LockSupport} (its future), never on a monitor.
     */
    @Test
    void waitingVirtualThreadsLeaveTheirCarriersFreeForTheAdvance() throws Exception {
        IndexWaiters progress = new IndexWaiters();
        int waiters = Runtime.getRuntime().availableProcessors() * 16;
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> waits = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                waits.add(virtual.submit(() -> progress.await(1, LONG)));
            }
            assertTrue(progress.awaitWaiting(waiters, LONG), "every waiter waits before the advance");
            assertEquals(waiters, progress.waiting());
            virtual.submit(() -> progress.advance(1)).get(LONG.toMillis(), TimeUnit.MILLISECONDS);
            for (Future<Boolean> wait : waits) {
                assertEquals(true, wait.get(LONG.toMillis(), TimeUnit.MILLISECONDS));
            }
        }
        assertEquals(0, progress.waiting());
    }
}
