package fundexchange.registry.tail;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/**
 * Runs a projection's {@link TailSession}s: on its own thread after {@link #start()}, or synchronously in
 * {@link #catchUp()}. A halt is final: it is logged as {@code ALARM <name> halted at sourceIndex N: ...} and kept in
 * {@link #failure()}. Lost database connections are retried; everything else halts. Waiting for the watermark
 * ({@link #awaitIndex}) parks on {@link IndexWaiters}, never on a monitor, so a waiting virtual thread does not pin its
 * carrier.
 */
public class TailLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TailLoop.class.getName());
    /** The default most documents per transaction. */
    public static final int MAX_BATCH = 500;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long RETRY_MILLIS = 1_000;
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

    /** Opens a session and applies batches: until the journal's end, or while running when {@code follow}. */
    private void drive(boolean follow) {
        try (TailSession session = sessions.get()) {
            try {
                opened(session.open());
                if (follow) {
                    LOG.log(Level.INFO, name + " resumed after sourceIndex " + watermark);
                }
                long before;
                do {
                    before = watermark;
                    advance(applyRetrying(session));
                    if (follow && watermark == before) {
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                    }
                } while (follow ? running : watermark != before);
            } catch (RuntimeException e) {
                if (session.watermark() > watermark) {
                    advance(session.watermark());
                }
                throw e;
            }
        } catch (ProjectionHalted halted) {
            halt(halted);
        } catch (RuntimeException unexpected) {
            halt(new ProjectionHalted(watermark + 1, unexpected.toString(), unexpected));
        }
    }

    private long applyRetrying(TailSession session) {
        while (true) {
            try {
                return session.applyBatch(maxBatch);
            } catch (DataAccessException e) {
                if (!connectionLost(e) || thread == null) {
                    throw e;
                }
                if (!running) {
                    return watermark; // closing: the uncommitted batch is simply read again next time
                }
                LOG.log(Level.WARNING, name + ": database unavailable after sourceIndex " + watermark + ", retrying: "
                        + e.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
            }
        }
    }

    /** Whether a database failure is a lost connection (SQLState class 08), which is retried rather than halting. */
    public static boolean connectionLost(DataAccessException e) {
        String state = e.sqlState();
        return state != null && state.startsWith("08");
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
            try {
                tail.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
