package fundexchange.registry.tail;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a projection's {@link TailSession}s: on its own thread after {@link #start()}, or synchronously in
 * {@link #catchUp()}. A halt is final: it is logged as {@code ALARM <name> halted at sourceIndex N: ...} and kept in
 * {@link #failure()}. On its own thread, transient database failures ({@link TransientFailure}: the server restarting,
 * a lost connection) are retried with a {@link Backoff}, each time in a new session; everything else halts. Waiting for the watermark
 * ({@link #awaitIndex}) parks on {@link IndexWaiters}, never on a monitor, so a waiting virtual thread does not pin its
 * carrier.
 */
public class TailLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TailLoop.class.getName());
    /** The default most documents per transaction. */
    public static final int MAX_BATCH = 500;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
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
    private volatile Thread thread;
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
            if (thread != null) {
                throw new IllegalStateException(name + " already started");
            }
            throwIfHalted();
            running = true;
            Thread tail = new Thread(this::run, name);
            tail.setDaemon(true);
            thread = tail;
            tail.start();
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
        if (thread == null) {
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
            if (thread != null) {
                throw new IllegalStateException(name + " is running on its own thread");
            }
            drive(false);
        } finally {
            lifecycle.unlock();
        }
    }

    private void run() {
        drive(true);
    }

    /**
     * Opens a session and applies batches: until the journal's end, or while running when {@code follow}. On its own
     * thread a transient database failure ({@link TransientFailure}) closes the session, pauses as the {@link Backoff}
     * says and opens a new one, which reads the stored watermark again and checks the chain up to it: a transaction
     * whose commit was lost in flight is then found committed or not, never applied twice.
     */
    private void drive(boolean follow) {
        int failures = 0;
        while (true) {
            try (TailSession session = sessions.get()) {
                try {
                    opened(session.open());
                    if (failures > 0) {
                        LOG.log(Level.WARNING, name + ": database back after " + failures + " failed attempts; resuming after sourceIndex " + watermark);
                        failures = 0;
                        outage = null;
                    } else if (follow) {
                        LOG.log(Level.INFO, name + " resumed after sourceIndex " + watermark);
                    }
                    long before;
                    do {
                        before = watermark;
                        advance(session.applyBatch(maxBatch));
                        if (follow && watermark == before) {
                            LockSupport.parkNanos(IDLE_PARK_NANOS);
                        }
                    } while (follow ? running : watermark != before);
                    return;
                } catch (RuntimeException e) {
                    if (session.watermark() > watermark) {
                        advance(session.watermark());
                    }
                    throw e;
                }
            } catch (ProjectionHalted halted) {
                halt(halted);
                return;
            } catch (RuntimeException failure) {
                java.util.Optional<String> state = TransientFailure.sqlState(failure);
                if (!follow || state.isEmpty()) {
                    halt(new ProjectionHalted(watermark + 1, failure.toString(), failure));
                    return;
                }
                if (!running) {
                    return; // closing: an uncommitted batch is simply read again next time
                }
                failures++;
                retried(state.get(), failures);
                Duration delay = backoff.delay(failures);
                LOG.log(Level.WARNING, name + ": database unavailable after sourceIndex " + watermark + " (SQLState "
                        + state.get() + ", attempt " + failures + "), retrying in " + delay.toMillis() + " ms: "
                        + failure.getMessage());
                if (!pause(delay)) {
                    return;
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

    /** Parks until {@code delay} has passed (true) or the loop is closed (false); {@link #close()} unparks it. */
    private boolean pause(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
        }
        return false;
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

    private void halt(ProjectionHalted halted) {
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
        Thread tail = thread;
        if (tail != null) {
            LockSupport.unpark(tail);
            try {
                tail.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
