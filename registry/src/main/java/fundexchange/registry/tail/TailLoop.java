package fundexchange.registry.tail;

import fundexchange.agent.Agent;
import fundexchange.agent.AgentRunner;
import fundexchange.agent.SpinYieldPark;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a projection's {@link TailSession}s: on its own daemon thread (an {@link AgentRunner}) after {@link #start()},
 * or synchronously in {@link #catchUp()}. A halt is final: it is logged as
 * {@code ALARM <name> halted at sourceIndex N: ...} and kept in {@link #failure()}. On its own thread, transient
 * database failures ({@link TransientFailure}: the server restarting, a lost connection) are retried with a
 * {@link Backoff}, each time in a new session; everything else halts. Waiting for the watermark ({@link #awaitIndex})
 * parks on {@link IndexWaiters}, never on a monitor, so a waiting virtual thread does not pin its carrier.
 */
public class TailLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TailLoop.class.getName());
    /** The default most documents per transaction. */
    public static final int MAX_BATCH = 500;
    private static final Duration IDLE_PARK = Duration.ofMillis(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);

    private final String name;
    private final int maxBatch;
    private final Supplier<TailSession> sessions;
    private final LongSupplier journalEnd;
    private final IndexWaiters progress = new IndexWaiters();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile long watermark;
    private volatile long applied;
    private volatile Throwable failure;
    private volatile boolean running;
    private volatile AgentRunner runner;
    private final Backoff backoff;
    private volatile Outage outage;
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Set<String> statesSeen = new java.util.concurrent.ConcurrentSkipListSet<>();

    /**
     * @param name       how alarms name the projection
     * @param sessions   opens a session on the calling thread
     * @param journalEnd the last sourceIndex currently in the journal (0 if empty)
     */
    public TailLoop(String name, Supplier<TailSession> sessions, LongSupplier journalEnd) {
        this(name, MAX_BATCH, sessions, journalEnd);
    }

    /** As above, with up to {@code maxBatch} documents per transaction. */
    public TailLoop(String name, int maxBatch, Supplier<TailSession> sessions, LongSupplier journalEnd) {
        this(name, maxBatch, sessions, journalEnd, Backoff.DEFAULT);
    }

    /** As above, pausing after transient database failures as {@code backoff} says. */
    public TailLoop(String name, int maxBatch, Supplier<TailSession> sessions, LongSupplier journalEnd, Backoff backoff) {
        this.backoff = java.util.Objects.requireNonNull(backoff, "backoff");
        this.name = name;
        this.maxBatch = maxBatch;
        this.sessions = sessions;
        this.journalEnd = journalEnd;
    }

    /** Starts tailing on a thread of this loop's name; returns this loop. */
    public TailLoop start() {
        lifecycle.lock();
        try {
            if (runner != null) {
                throw new IllegalStateException(name + " already started");
            }
            throwIfHalted();
            running = true;
            AgentRunner follower = new AgentRunner(new Follower(), SpinYieldPark.parking(IDLE_PARK), this::halt,
                    CLOSE_TIMEOUT, true);
            runner = follower;
            follower.start();
            return this;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Applies everything the journal holds now and returns how many documents that took; throws if halted. Before
     * {@link #start()} it works on the calling thread (checking the watermark first); after, it waits for the thread.
     */
    public long catchUp() {
        long before = applied;
        long target = journalEnd.getAsLong();
        if (runner == null) {
            runSynchronously();
        } else if (!running && failure == null) {
            throw new IllegalStateException(name + " is closed");
        } else if (!awaitIndex(target, CATCH_UP_TIMEOUT) && failure == null) {
            throw new IllegalStateException(name + " did not reach sourceIndex " + target + " within " + CATCH_UP_TIMEOUT);
        }
        throwIfHalted();
        return applied - before;
    }

    private void throwIfHalted() {
        if (failure != null) {
            throw new IllegalStateException(name + " halted: " + failure.getMessage(), failure);
        }
    }

    private void runSynchronously() {
        lifecycle.lock();
        try {
            throwIfHalted();
            if (runner != null) {
                throw new IllegalStateException(name + " is running on its own thread");
            }
            applyAll();
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Opens a session and applies batches until one finds the journal's end, on the calling thread; any failure halts.
     */
    private void applyAll() {
        try (TailSession session = sessions.get()) {
            try {
                opened(session.open());
                long before;
                do {
                    before = watermark;
                    advance(session.applyBatch(maxBatch));
                } while (watermark != before);
            } catch (RuntimeException e) {
                keepCommitted(session);
                throw e;
            }
        } catch (RuntimeException failure) {
            halt(failure);
        }
    }

    /** Keeps the watermark a failed session committed before it failed. */
    private void keepCommitted(TailSession session) {
        if (session.watermark() > watermark) {
            advance(session.watermark());
        }
    }

    /**
     * The loop's duty cycle on its own thread: opens a session when it has none (1), else applies one batch (1 if the
     * watermark moved, 0 if the journal had nothing new). A transient database failure ({@link TransientFailure})
     * closes the session, pauses as the {@link Backoff} says (that pause is the cycle's wait) and leaves the next cycle
     * to open a new one, which reads the stored watermark again and checks the chain up to it: a transaction whose
     * commit was lost in flight is then found committed or not, never applied twice. Any other failure is thrown, and
     * halts the loop.
     */
    private final class Follower implements Agent {
        private TailSession session;
        private int failures;

        @Override
        public String roleName() {
            return name;
        }

        @Override
        public int doWork() {
            if (!running) {
                return 0; // closing or halted: the runner ends the cycle; no new session, no further batch
            }
            if (session == null) {
                return open();
            }
            long before = watermark;
            try {
                advance(session.applyBatch(maxBatch));
            } catch (RuntimeException e) {
                return failed(e);
            }
            return watermark == before ? 0 : 1;
        }

        private int open() {
            try {
                session = sessions.get();
                opened(session.open());
            } catch (RuntimeException e) {
                return failed(e);
            }
            if (failures > 0) {
                LOG.log(Level.WARNING, name + ": database back after " + failures + " failed attempts; resuming after sourceIndex " + watermark);
                failures = 0;
                outage = null;
            } else {
                LOG.log(Level.INFO, name + " resumed after sourceIndex " + watermark);
            }
            return 1;
        }

        private int failed(RuntimeException failure) {
            TailSession failedSession = session;
            session = null;
            if (failedSession != null) {
                try (failedSession) {
                    keepCommitted(failedSession);
                } catch (RuntimeException closing) {
                    failure.addSuppressed(closing);
                }
            }
            Optional<String> state = TransientFailure.sqlState(failure);
            if (failure instanceof ProjectionHalted || state.isEmpty()) {
                throw failure;
            }
            if (!running) {
                return 0; // closing: an uncommitted batch is simply read again next time
            }
            failures++;
            retried(state.get(), failures);
            Duration delay = backoff.delay(failures);
            LOG.log(Level.WARNING, name + ": database unavailable after sourceIndex " + watermark + " (SQLState "
                    + state.get() + ", attempt " + failures + "), retrying in " + delay.toMillis() + " ms: "
                    + failure.getMessage());
            pause(delay);
            return 1;
        }

        /** Closes the open session; a transient failure while closing is no halt (the next start reads again). */
        @Override
        public void onClose() {
            TailSession open = session;
            session = null;
            if (open != null) {
                try {
                    open.close();
                } catch (RuntimeException e) {
                    if (!TransientFailure.is(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Counts a transient failure and marks the outage; only the tail thread writes these. */
    private void retried(String sqlState, int failures) {
        retries.incrementAndGet();
        statesSeen.add(sqlState);
        outage = new Outage(failures, sqlState, watermark);
    }

    /** Parks until {@code delay} has passed or the loop is closed; {@link #close()} unparks it. */
    private void pause(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    /**
     * A database outage the loop is riding out: how many attempts in a row failed, the SQLState of the last failure,
     * and the watermark it waits at.
     */
    public record Outage(int failures, String sqlState, long afterIndex) {
    }

    /** The outage this loop is retrying through now, if any: set at a transient failure, cleared once a session opens. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** How many transient database failures this loop has retried since it started. */
    public long retries() {
        return retries.get();
    }

    /** The SQLStates of the transient failures retried so far (a few at most: {@link TransientFailure}'s list). */
    public java.util.SortedSet<String> retriedStates() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(statesSeen));
    }

    /** Only the tail thread (or the one catching up) writes the watermark; waiters are released after it moves. */
    private void opened(long index) {
        watermark = index;
        progress.advance(index);
    }

    private void advance(long index) {
        applied += index - watermark;
        watermark = index;
        progress.advance(index);
    }

    /** The loop's alarm: a {@link ProjectionHalted} as it is, anything else halted just after the watermark. */
    private void halt(Throwable cause) {
        ProjectionHalted halted = cause instanceof ProjectionHalted projection ? projection
                : new ProjectionHalted(watermark + 1, cause.toString(), cause);
        // Concatenated, not formatted: an index must not come out as "1,234", and SQL messages may hold braces.
        LOG.log(Level.ERROR, "ALARM " + name + " halted at sourceIndex " + halted.sourceIndex() + ": " + halted.getMessage());
        failure = halted;
        running = false;
        progress.stop();
    }

    /** The last sourceIndex whose effects are committed. */
    public long watermark() {
        return watermark;
    }

    /** Why the projection halted, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Waits until the watermark reaches {@code index}; false on timeout, halt or interrupt. */
    public boolean awaitIndex(long index, Duration timeout) {
        return progress.await(index, timeout);
    }

    /** How many callers wait in {@link #awaitIndex} now. */
    public int waiting() {
        return progress.waiting();
    }

    @Override
    public void close() {
        running = false;
        AgentRunner follower = runner;
        if (follower != null) {
            follower.close();
        }
    }
}
