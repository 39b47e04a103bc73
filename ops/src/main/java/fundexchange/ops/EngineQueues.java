package fundexchange.ops;

import fundexchange.engine.QueueDepths;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's queue depths for the metrics, asked of the engine thread sparingly, so that no scrape (which reads many
 * gauges) costs more than one question: the first time, then only once at least {@link #REUSE_MILLIS} of the node's
 * clock has passed since the last question and either the engine decided a command since the last answer (its queues
 * change only then) or the last question went unanswered. A question waits at most {@code wait}; one not answered in
 * time is cancelled (the engine drops it unrun) and the last answer stands, as it does while the engine is halted.
 */
final class EngineQueues {
    static final long REUSE_MILLIS = 1000;
    static final Duration WAIT = Duration.ofMillis(250);

    /** What the sampler needs of the engine runner. */
    interface Engine {
        long lastIndex();

        boolean halted();

        /** Asks the engine thread for its queues. */
        CompletableFuture<QueueDepths> ask();
    }

    private final Engine engine;
    private final Clock clock;
    private final Duration wait;
    private QueueDepths queues = QueueDepths.EMPTY;
    private boolean asked;
    private long askedAt;
    private boolean answered;
    private long answeredIndex;

    EngineQueues(Engine engine, Clock clock, Duration wait) {
        this.engine = engine;
        this.clock = clock;
        this.wait = wait;
    }

    /** The queues: a fresh answer when one is due (see the class comment), else the last. */
    synchronized QueueDepths queues() {
        if (engine.halted()) {
            return queues;
        }
        long now = clock.millis();
        long index = engine.lastIndex();
        boolean windowPassed = now < askedAt || now - askedAt >= REUSE_MILLIS;
        if (asked && !(windowPassed && (!answered || index != answeredIndex))) {
            return queues;
        }
        asked = true;
        askedAt = now;
        CompletableFuture<QueueDepths> answer = engine.ask();
        try {
            queues = answer.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            answered = true;
            answeredIndex = index;
        } catch (InterruptedException e) {
            answer.cancel(false);
            answered = false;
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(false);
            answered = false;
        }
        return queues;
    }
}
