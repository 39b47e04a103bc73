package fundexchange.registry.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The loop's duty cycle on its agent thread, with scripted sessions instead of a database: a transient failure closes
 * the session and opens a new one after the back-off, anything else halts just after the committed watermark.
 */
class TailLoopTest {
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Integer> pauses = new CopyOnWriteArrayList<>();

    /**
     * A session that opens at a watermark and answers each batch from its script (a watermark or a throw), then finds
     * nothing new.
     */
    private final class ScriptedSession implements TailSession {
        private final String name;
        private final long opensAt;
        private final Deque<Object> batches;
        private long watermark;

        ScriptedSession(String name, long opensAt, Object... batches) {
            this.name = name;
            this.opensAt = opensAt;
            this.batches = new ArrayDeque<>(List.of(batches));
        }

        @Override
        public long open() {
            log.add(name + " open");
            watermark = opensAt;
            return watermark;
        }

        @Override
        public long applyBatch(int maxDocuments) {
            Object next = batches.poll();
            if (next == null) {
                return watermark; // the script played: the journal has nothing new
            }
            if (next instanceof RuntimeException failure) {
                log.add(name + " fails");
                throw failure;
            }
            watermark = (Long) next;
            log.add(name + " at " + watermark);
            return watermark;
        }

        @Override
        public long watermark() {
            return watermark;
        }

        @Override
        public void close() {
            log.add(name + " closed");
        }
    }

    private TailLoop loop(ScriptedSession... sessions) {
        Deque<ScriptedSession> left = new ArrayDeque<>(List.of(sessions));
        return new TailLoop("scripted", 10, left::poll, () -> 5, failures -> {
            pauses.add(failures);
            return Duration.ZERO;
        });
    }

    @Test
    void aTransientFailureOpensANewSessionAfterTheBackOffAndAnyOtherFailureHalts() {
        RuntimeException terminated = new RuntimeException(new SQLException("terminating connection", "57P01"));
        IllegalStateException constraint = new IllegalStateException("check constraint violated");
        try (TailLoop loop = loop(new ScriptedSession("first", 0, 3L, terminated),
                new ScriptedSession("second", 3, 5L, constraint)).start()) {
            assertFalse(loop.awaitIndex(6, HANG_GUARD), "the halt releases the waiter");
            ProjectionHalted halted = assertInstanceOf(ProjectionHalted.class, loop.failure().orElseThrow());
            assertEquals(6, halted.sourceIndex());
            assertEquals(constraint, halted.getCause());
            assertEquals(5, loop.watermark());
            assertEquals(List.of(1), pauses);
            assertEquals(1, loop.retries());
            assertEquals(new TreeSet<>(List.of("57P01")), loop.retriedStates());
        }
        assertEquals(List.of("first open", "first at 3", "first fails", "first closed",
                "second open", "second at 5", "second fails", "second closed"), log);
    }

    @Test
    void aHaltedSessionIsNeverRetried() {
        ProjectionHalted mismatch = new ProjectionHalted(4, "chain differs at sourceIndex 4");
        try (TailLoop loop = loop(new ScriptedSession("only", 0, 3L, mismatch)).start()) {
            assertFalse(loop.awaitIndex(4, HANG_GUARD));
            assertEquals(mismatch, loop.failure().orElseThrow());
            assertEquals(3, loop.watermark());
        }
        assertEquals(List.of(), pauses);
        assertEquals(List.of("only open", "only at 3", "only fails", "only closed"), log);
    }

    @Test
    void closingEndsTheCycleAndClosesTheSession() {
        TailLoop loop = loop(new ScriptedSession("tailing", 0, 5L));
        loop.start();
        assertTrue(loop.awaitIndex(5, HANG_GUARD));
        loop.close();
        assertEquals("tailing closed", log.getLast());
        assertTrue(loop.failure().isEmpty());
    }
}
