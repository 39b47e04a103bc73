package fundexchange.runner;

import fundexchange.agent.Agent;
import fundexchange.agent.IdleStrategy;
import fundexchange.engine.EngineSnapshot;
import fundexchange.engine.RequestMemoryKey;
import fundexchange.journal.chronicle.Journals;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes the engine's snapshots off the engine thread (issue 18): an on-demand follower on a daemon thread of its own.
 * The engine thread only posts a {@link Mark} ("a snapshot is wanted at index N", O(1)); the follower brings an engine
 * of its own to N by replaying the command journal (a job restores the newest snapshot in the store, or starts empty,
 * unless the follower kept its engine warm from the last job: it does when snapshots are periodic), checks every event
 * document it produces against the journal's as the engine's start-up replay does ({@code JournalDocuments.sameDocument}:
 * a binary document byte for byte, a JSON one by value) and the engine's cheap fingerprint at N (its next deadline),
 * and only then writes
 * {@code Snapshots.take} of its state. So a snapshot at N has the same bytes as one the engine thread would have taken
 * at N, whenever the follower runs. One job at a time; marks posted while a job runs coalesce into the newest, and a
 * job that ends (written or failed) clears the marks it covers before it answers their requests.
 * <p>
 * A job replays in slices of 1,000 commands and pauses 1 ms after a slice while the engine thread has a backlog
 * (commands journaled it has not decided: {@link EngineProgress#backlog()}; Linux ignores thread priorities, so this is
 * how it yields on few cores). With periodic snapshots, a job that did not keep up (the engine decided {@code every}
 * commands or more while it ran) sets a floor: periodic marks below the engine's index at its end plus {@code every} are
 * skipped, so slow jobs are {@code every} commands apart instead of back to back; a request is never skipped. Each
 * written snapshot and each raised floor is a line at INFO (the log file's, not the terminal's).
 * <p>
 * A failure is the alarm it always was (a log line, a count in {@link SnapshotStatus}), never a halt. A replay that
 * differs from the journal writes nothing, drops the follower's engine and is remembered: no snapshot at or past that
 * index is attempted again until the node restarts (whose start-up replay checks the journal anew). A failed write
 * keeps a warm engine (sound at its index), so the next job retries the write. An {@link Error} halts the snapshotter:
 * {@link #halted} records it, and every request from then on fails saying the node must restart.
 * <p>
 * This class holds the marks, the floor and the agent's life cycle; the replay is {@link FollowerReplay}'s, the
 * waiters' bookkeeping {@link SnapshotWaiters}'.
 */
final class SnapshotFollower implements Agent, IdleStrategy {
    private static final System.Logger LOG = System.getLogger(SnapshotFollower.class.getName());
    /** The longest idle park: {@link #post} unparks the follower at once, so this only bounds a missed wake-up. */
    private static final long IDLE_PARK_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * What the engine thread posts: the index a snapshot is wanted at and its next deadline there (both O(1)), and
     * whether a request waits on it (then the floor between jobs never skips it).
     */
    record Mark(long index, long nextDeadline, boolean requested) {
        /** A periodic mark. */
        Mark(long index, long nextDeadline) {
            this(index, nextDeadline, false);
        }

        /** The newer of two marks, requested if either is (the newer covers the older's request). */
        Mark coalesce(Mark other) {
            Mark newer = other.index() > index ? other : this;
            return requested || other.requested ? new Mark(newer.index, newer.nextDeadline, true) : newer;
        }
    }

    /** What the follower reads of the live engine, on its own thread. */
    interface EngineProgress {
        /** The index the engine has decided up to. */
        long decided();

        /** Commands journaled that the engine has not decided yet (0: it is caught up). */
        long backlog();
    }

    private final SnapshotStore store;
    /**
     * The periodic interval (0: on request only). Above 0 the follower keeps its engine between jobs, and a job that
     * did not keep up sets the floor; at 0 it drops its engine after each job.
     */
    private final long every;
    private final EngineProgress progress;
    private final FollowerReplay replay;
    private final SnapshotWaiters waiters = new SnapshotWaiters();
    private final AtomicReference<Mark> wanted = new AtomicReference<>();
    /** Periodic marks below this index are skipped (see the class comment); raised by a job that did not keep up. */
    private volatile long floor;
    private volatile boolean closed;
    /** Set when the snapshotter's thread halted (an {@link Error}); requests then say the node must restart. */
    private volatile boolean halted;
    /** Set when the node closes: a job stops at its next step instead of outliving the journals. */
    private volatile boolean stopping;
    /** The follower's thread, once it runs: {@link #post} unparks it. */
    private volatile Thread thread;
    /** The index of the job in hand (0: none), for the record of a halt. */
    private volatile long job;
    /** The first index whose replay differed from the journal (0: none): no job reaches it again until a restart. */
    private long differsAt;

    SnapshotFollower(Journals journals, SnapshotStore store, RequestMemoryKey key, long every, EngineProgress progress) {
        if (every < 0) {
            throw new IllegalArgumentException("snapshot interval must not be negative");
        }
        this.store = Objects.requireNonNull(store, "snapshot store");
        this.every = every;
        this.progress = Objects.requireNonNull(progress, "engine progress");
        this.replay = new FollowerReplay(journals, store, key, progress, () -> stopping);
    }

    @Override
    public String roleName() {
        return "snapshotter";
    }

    /**
     * Asks for a minimum priority, which Linux ignores for Java threads (without root and
     * {@code -XX:ThreadPriorityPolicy=1}): there the follower competes with the engine thread as an equal.
     */
    @Override
    public void onStart() {
        thread = Thread.currentThread();
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * Parks after a cycle with nothing to do (nothing wanted, or the node closing), until {@link #post} unparks it,
     * the runner's close does, or the bounded park ends.
     */
    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        }
    }

    /** The engine restored the snapshot at {@code index} at start: it counts as the newest written. */
    void restored(long index) {
        waiters.restored(index);
    }

    /**
     * Asks for a snapshot at {@code mark}'s index; O(1) and never waits (the engine thread calls it): it sets the mark
     * and unparks the follower's thread. A mark at or below one not yet taken up coalesces into it (the newer covers
     * it); a periodic mark below the floor is skipped.
     */
    void post(Mark mark) {
        if (!mark.requested() && mark.index() < floor) {
            return;
        }
        wanted.accumulateAndGet(mark, (held, posted) -> held == null ? posted : held.coalesce(posted));
        Thread follower = thread;
        if (follower != null) {
            LockSupport.unpark(follower);
        }
    }

    /**
     * As {@link #post}, and answers with the index of the snapshot written at or after {@code mark}'s index, or
     * exceptionally with {@link SnapshotFailed} if the job that covered it failed, the snapshotter halted or the node
     * closed.
     */
    CompletableFuture<Long> request(Mark mark) {
        CompletableFuture<Long> answer = waiters.request(mark.index()); // before the post: the job clearing it finds it
        if (closed) {
            failAll();
        } else {
            post(new Mark(mark.index(), mark.nextDeadline(), true));
        }
        return answer;
    }

    /**
     * Completes with the index of the first snapshot written at or after {@code index} (restored ones count), posting
     * nothing: for a caller that waits for a periodic snapshot. It fails fast with the covering job's
     * {@link SnapshotFailed} when a job covering {@code index} fails, and with one when the snapshotter halts or the
     * node closes.
     */
    CompletableFuture<Long> written(long index) {
        CompletableFuture<Long> answer = waiters.written(index);
        if (closed) {
            failAll();
        }
        return answer;
    }

    /**
     * Completes with the index a job ended at, written or failed, once one covering {@code index} has ended (or at
     * once if one has, or a restored snapshot covers it), posting nothing; fails with {@link SnapshotFailed} when the
     * snapshotter halts or the node closes first.
     */
    CompletableFuture<Long> settled(long index) {
        CompletableFuture<Long> answer = waiters.settled(index);
        if (closed) {
            failAll();
        }
        return answer;
    }

    /** The node closes: the job in hand gives up at its next step (call before closing the snapshotter's runner). */
    void stop() {
        stopping = true;
    }

    /** The snapshotter's thread halted (its runner's alarm, before {@link #onClose()}): counted, and requests fail. */
    void halted(Throwable cause) {
        halted = true;
        waiters.halted(job);
        LOG.log(Level.ERROR, "ALARM the snapshotter halted; no snapshot is taken until the node restarts: "
                + cause.getMessage(), cause);
    }

    boolean isHalted() {
        return halted;
    }

    SnapshotStatus status() {
        return waiters.status();
    }

    @Override
    public int doWork() {
        Mark mark = wanted.get(); // cleared when the job ends, with every mark it covers
        if (mark == null || stopping) { // closing: a mark left is not taken up again (onClose answers its requests)
            return 0;
        }
        if (!mark.requested() && mark.index() < floor) { // posted before a job raised the floor
            wanted.compareAndSet(mark, null);
            return 1;
        }
        job = mark.index();
        runJob(mark);
        job = 0; // not on an Error: the halt's record names the job's index
        return 1;
    }

    private void runJob(Mark mark) {
        long written = waiters.status().lastWrittenIndex();
        if (mark.index() <= written) { // a request the newest snapshot already covers
            succeeded(written);
            return;
        }
        if (differsAt != 0 && mark.index() >= differsAt) {
            failed(mark.index(), differs(mark.index(), differsAt), null);
            return;
        }
        long startedAt = progress.decided();
        long startedNanos = System.nanoTime(); // for the log's durations only
        long index;
        EngineSnapshot snapshot;
        try {
            if (!(replay.advanceTo(mark) instanceof FollowerReplay.Advance.Reached reached)) {
                replay.drop();
                return; // closing: onClose answers the requests
            }
            index = reached.index();
            snapshot = replay.snapshot();
        } catch (FollowerReplay.ReplayDiffers e) {
            replay.drop();
            differsAt = differsAt == 0 ? e.index() : Math.min(differsAt, e.index());
            raiseFloor(startedAt, startedNanos);
            failed(mark.index(), differs(mark.index(), e.index()), e);
            return;
        } catch (RuntimeException e) {
            replay.drop();
            raiseFloor(startedAt, startedNanos);
            failed(mark.index(), new SnapshotFailed(mark.index(), SnapshotFailed.Kind.REPLAY_FAILED,
                    "the snapshotter could not replay the journal to index " + mark.index()), e);
            return;
        }
        if (stopping) {
            replay.drop();
            return; // a write would outlive the node
        }
        write(index, snapshot, startedAt, startedNanos);
    }

    private void write(long index, EngineSnapshot snapshot, long startedAt, long startedNanos) {
        java.nio.file.Path file;
        try {
            file = store.write(snapshot);
        } catch (RuntimeException e) {
            if (every == 0) {
                replay.drop();
            } // else its engine is still sound at the index: the next job retries from it
            raiseFloor(startedAt, startedNanos);
            failed(index, new SnapshotFailed(index, SnapshotFailed.Kind.WRITE_FAILED,
                    "the snapshot at index " + index + " could not be written"), e);
            return;
        }
        if (every == 0) {
            replay.drop(); // snapshots on request only: no engine's worth of memory held between them
        }
        LOG.log(Level.INFO, "snapshot at index " + index + " written in " + seconds(startedNanos) + " s ("
                + sizeOf(file) + " bytes); the engine decided " + (progress.decided() - startedAt) + " commands meanwhile");
        raiseFloor(startedAt, startedNanos);
        succeeded(index);
    }

    private static SnapshotFailed differs(long index, long at) {
        return new SnapshotFailed(index, SnapshotFailed.Kind.REPLAY_DIFFERS, "no snapshot at index " + index
                + ": the snapshotter's replay differed from the journal at index " + at
                + ", so none at or past it is taken until the node restarts");
    }

    /**
     * The floor between jobs, before a job that ran answers: if the engine decided {@code every} commands or more while
     * it ran (it did not keep up, and a newer periodic mark is already waiting), periodic marks below the engine's
     * index now plus {@code every} are skipped, and the log says so (INFO); a job that kept up raises nothing, so no
     * mark is lost to it.
     */
    private void raiseFloor(long startedAt, long startedNanos) {
        long endedAt = progress.decided();
        if (every > 0 && endedAt - startedAt >= every && endedAt + every > floor) {
            floor = endedAt + every;
            LOG.log(Level.INFO, "the snapshotter did not keep up (a job of " + seconds(startedNanos) + " s while the engine"
                    + " decided " + (endedAt - startedAt) + " commands): periodic marks below index " + floor
                    + " are skipped");
        }
    }

    /** Seconds since {@code startedNanos}, for the log. */
    private static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - startedNanos) / 1e9);
    }

    /** A written file's size for the log (-1 if it cannot be read: the log line must not fail the job). */
    private static long sizeOf(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A job wrote the snapshot at {@code index} (or one already covered it). */
    private void succeeded(long index) {
        clearMarks(index);
        waiters.succeeded(index);
    }

    /** A job covering {@code index} failed: an alarm and a count, and its requests fail. */
    private void failed(long index, SnapshotFailed failure, Throwable cause) {
        LOG.log(Level.ERROR, "ALARM snapshot at index " + index + " failed (" + (waiters.status().failures() + 1)
                + " failures so far); the engine goes on without it: " + failure.getMessage()
                + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        clearMarks(index);
        waiters.failed(index, failure);
    }

    /**
     * First of a job's ending: clears the marks it covered, so no second job redoes them, and the periodic ones below
     * the floor.
     */
    private void clearMarks(long index) {
        wanted.updateAndGet(m -> m != null && (m.index() <= index || !m.requested() && m.index() < floor) ? null : m);
    }

    /** The follower ended (closed, or halted): everything still waiting fails, saying which. */
    private void failAll() {
        long newest = waiters.status().lastWrittenIndex();
        waiters.failAll(halted
                ? new SnapshotFailed(newest, SnapshotFailed.Kind.HALTED, "the snapshotter halted; restart the node")
                : new SnapshotFailed(newest, SnapshotFailed.Kind.UNAVAILABLE, "the engine is closed; no snapshot was taken"));
    }

    @Override
    public void onClose() {
        closed = true;
        try {
            replay.drop();
        } finally {
            failAll();
        }
    }
}
