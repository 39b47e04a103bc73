package fundexchange.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A read's wait for an index: answered by the advance that reaches it, refused at its deadline or a stop. */
class IndexProgressTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void aReachedIndexIsAnsweredAtOnceAndAnUnreachedOneNotAtItsDeadline() {
        IndexProgress progress = new IndexProgress();
        progress.advance(7);
        assertEquals(List.of(true, true, false), List.of(progress.await(0, Duration.ZERO), progress.await(7, Duration.ZERO),
                progress.await(8, Duration.ZERO)));
    }

    @Test
    void aWaiterIsWokenByTheAdvanceThatReachesItsIndex() throws Exception {
        IndexProgress progress = new IndexProgress();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> progress.await(3, LONG));
        progress.advance(2);
        progress.advance(3);
        assertEquals(true, waiter.get(LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(3, progress.index());
    }

    @Test
    void aStopReleasesEveryWaiterUnanswered() throws Exception {
        IndexProgress progress = new IndexProgress();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> progress.await(5, LONG));
        progress.advance(4);
        progress.stop();
        assertEquals(false, waiter.get(LONG.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(false, progress.await(5, LONG), "after a stop nobody waits");
    }
}
