package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.engine.QueueDepths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The engine is asked for its queues at most once a second of the node's clock, and only after it decided something or
 * left the last question unanswered: a scrape reading many gauges while commands stream in costs one question.
 */
class EngineQueuesTest {
    private static QueueDepths depths(long approvals) {
        return new QueueDepths(new QueueDepths.Queue(approvals, 7), QueueDepths.Queue.EMPTY, QueueDepths.Queue.EMPTY);
    }

    /** An engine runner stand-in: its index and halt are set by the test, each question takes the next answer. */
    private static final class SteppedEngine implements EngineQueues.Engine {
        long index;
        boolean halted;
        final Deque<CompletableFuture<QueueDepths>> answers = new ArrayDeque<>();
        final List<CompletableFuture<QueueDepths>> asked = new ArrayList<>();

        @Override
        public long lastIndex() {
            return index;
        }

        @Override
        public boolean halted() {
            return halted;
        }

        @Override
        public CompletableFuture<QueueDepths> ask() {
            CompletableFuture<QueueDepths> answer = answers.removeFirst();
            asked.add(answer);
            return answer;
        }
    }

    @Test
    void asksOncePerSecondOfTheNodesClockOnlyAfterTheEngineMovedOrLeftAQuestionUnanswered() {
        ManualClock clock = new ManualClock(1_795_000_000_000L);
        SteppedEngine engine = new SteppedEngine();
        CompletableFuture<QueueDepths> unanswered = new CompletableFuture<>();
        engine.answers.addAll(List.of(CompletableFuture.completedFuture(depths(1)), CompletableFuture.completedFuture(depths(2)),
                unanswered, CompletableFuture.completedFuture(depths(3))));
        EngineQueues queues = new EngineQueues(engine, clock, Duration.ZERO);
        List<String> seen = new ArrayList<>();
        Runnable read = () -> {
            long approvals = queues.queues().pendingApprovals().size();
            seen.add(engine.asked.size() + " asked, " + approvals);
        };

        read.run(); // the first read asks
        for (int gauge = 0; gauge < 11; gauge++) { // one scrape's gauges while commands are decided
            engine.index++;
            clock.advance(10);
            read.run();
        }
        clock.advance(REUSE_LEFT_AFTER_SCRAPE);
        read.run(); // a second after the first question, the engine having moved
        clock.advance(60_000);
        read.run(); // a minute later, nothing decided since: the queues cannot have changed
        engine.index++;
        read.run(); // moved: asked, not answered in time, cancelled; the last answer stands
        clock.advance(EngineQueues.REUSE_MILLIS - 1);
        read.run();
        clock.advance(1);
        read.run(); // unanswered before, so asked again though nothing moved since
        engine.index++;
        engine.halted = true;
        clock.advance(60_000);
        read.run(); // a halted engine is not asked

        List<String> expected = new ArrayList<>();
        expected.add("1 asked, 1");
        for (int gauge = 0; gauge < 11; gauge++) {
            expected.add("1 asked, 1");
        }
        expected.addAll(List.of("2 asked, 2", "2 asked, 2", "3 asked, 2", "3 asked, 2", "4 asked, 3", "4 asked, 3"));
        assertEquals(List.of(expected, true), List.of(seen, unanswered.isCancelled()));
    }

    private static final long REUSE_LEFT_AFTER_SCRAPE = EngineQueues.REUSE_MILLIS - 11 * 10;
}
