package fundexchange.runner;

import fundexchange.engine.Engine;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Runs the engine on its own thread: tails the command journal, applies each record and appends its event document.
 * At start it replays the commands already decided and halts at the first document that differs (CONTRACTS.md 5).
 */
public final class EngineRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineRunner.class.getName());

    /**
     * What the engine thread does when the command journal has nothing new. {@link #BACK_OFF} (the default):
     * {@code Thread.onSpinWait()} for 100 empty polls, then {@code Thread.yield()} for 100, then
     * {@code LockSupport.parkNanos(200 µs)} per poll. {@link #BUSY_SPIN}: {@code Thread.onSpinWait()} on every empty
     * poll, so the thread keeps a core to itself (for a dedicated core, as the engine latency benchmark runs it).
     */
    public enum Idle {
        BACK_OFF, BUSY_SPIN;

        /** Waits once after {@code emptyPolls} empty polls in a row; returns the count for the next empty poll. */
        int afterEmptyPoll(int emptyPolls) {
            if (this == BUSY_SPIN) {
                Thread.onSpinWait();
                return emptyPolls;
            }
            if (emptyPolls < 100) {
                Thread.onSpinWait();
            } else if (emptyPolls < 200) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(200_000);
            }
            return emptyPolls + 1;
        }
    }

    private final Journals journals;
    private final SnapshotStore snapshots;
    private final long snapshotEvery;
    private final IntUnaryOperator idleStrategy;
    private final JournalRequests journaled;
    private final fundexchange.engine.RequestMemoryKey requestKey;
    private Engine engine;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long nextDeadline = Long.MAX_VALUE;
    private volatile long lastIndex;
    private volatile Throwable failure;
    private volatile SnapshotStatus snapshotStatus = SnapshotStatus.NONE;
    private final java.util.concurrent.locks.ReentrantLock indexLock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition indexMoved = indexLock.newCondition();
    private volatile int indexWaiters;
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    private Journals.TypedReader<CommandRecord> commands;

    public EngineRunner(Journals journals) {
        this(journals, null, 0);
    }

    /**
     * A runner that restarts from the newest snapshot in {@code snapshots} (if any) plus the journal tail, and takes a
     * snapshot every {@code snapshotEvery} commands (0: only on request).
     */
    public EngineRunner(Journals journals, SnapshotStore snapshots, long snapshotEvery) {
        this(journals, snapshots, snapshotEvery, Idle.BACK_OFF);
    }

    /** As {@link #EngineRunner(Journals, SnapshotStore, long)}, idling as {@code idle} says. */
    public EngineRunner(Journals journals, SnapshotStore snapshots, long snapshotEvery, Idle idle) {
        this(journals, snapshots, snapshotEvery, java.util.Objects.requireNonNull(idle, "idle")::afterEmptyPoll);
    }

    /**
     * As above, idling with {@code idle}: given the empty polls in a row before this one, it waits and returns the
     * count for the next (a test wraps an {@link Idle} to see the engine thread idle).
     */
    EngineRunner(Journals journals, SnapshotStore snapshots, long snapshotEvery, IntUnaryOperator idle) {
        this(journals, snapshots, snapshotEvery, idle, RequestKeys.fresh());
    }

    /**
     * As above, the engine placing ids in its idempotency memory under {@code requestKey} (a fresh secret in
     * production; a test may fix it) and confirming repeated ids against these journals ({@link JournalRequests}).
     */
    EngineRunner(Journals journals, SnapshotStore snapshots, long snapshotEvery, IntUnaryOperator idle,
                 fundexchange.engine.RequestMemoryKey requestKey) {
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshot interval must not be negative");
        }
        this.journaled = new JournalRequests(journals);
        this.requestKey = java.util.Objects.requireNonNull(requestKey, "request key");
        this.engine = new Engine(journaled, requestKey);
        this.journals = journals;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.idleStrategy = java.util.Objects.requireNonNull(idle, "idle");
        this.thread = new Thread(this::run, "engine");
    }

    /** Replays what the event journal already holds, verifying every document, then starts the engine thread. */
    public EngineRunner start() {
        thread.start();
        return this;
    }

    /** Replays and verifies without starting the thread; returns the number of documents verified. */
    public static long verifyReplay(Journals journals, Engine engine) {
        return verifyReplay(journals, engine, verified -> { });
    }

    /** As {@link #verifyReplay(Journals, Engine)}, telling {@code progress} how many documents are verified so far. */
    public static long verifyReplay(Journals journals, Engine engine, java.util.function.LongConsumer progress) {
        try (Journals.TypedReader<CommandRecord> commandReader = journals.commandReader()) {
            return verifyReplay(journals, engine, commandReader, progress);
        }
    }

    /**
     * As {@link #verifyReplay(Journals, Engine)} for an engine restored at some index: the documents up to that index
     * are skipped. Leaves {@code commandReader} just after the last verified command.
     */
    static long verifyReplay(Journals journals, Engine engine, Journals.TypedReader<CommandRecord> commandReader) {
        return verifyReplay(journals, engine, commandReader, verified -> { });
    }

    private static long verifyReplay(Journals journals, Engine engine, Journals.TypedReader<CommandRecord> commandReader,
                                     java.util.function.LongConsumer progress) {
        requireRulesVersion(journals);
        long verified = 0;
        try (ChronicleJournal.Reader eventReader = journals.events().reader()) {
            for (long skipped = 0; skipped < engine.lastIndex(); skipped++) {
                if (commandReader.skip().isEmpty() || eventReader.next().isEmpty()) {
                    throw new IllegalStateException("the journals end before the snapshot's index " + engine.lastIndex());
                }
            }
            Optional<byte[]> recorded;
            while ((recorded = eventReader.next()).isPresent()) {
                Optional<JournalEntry<CommandRecord>> command = commandReader.next();
                if (command.isEmpty()) {
                    throw new IllegalStateException("event journal runs ahead of the command journal at document " + (verified + 1));
                }
                EventDocument recomputed = engine.apply(command.get().value());
                if (!recomputed.equals(JournalCodec.readEvents(recorded.get()))) {
                    throw new IllegalStateException("replay differs from the recorded event document at index "
                            + command.get().value().index());
                }
                progress.accept(++verified);
            }
        }
        return verified;
    }

    /**
     * Refuses, before anything is replayed, a journal whose genesis records another rules version than this engine's
     * (CONTRACTS.md 16), with {@link RulesVersion.Refused}.
     */
    public static void requireRulesVersion(Journals journals) {
        try (Journals.TypedReader<CommandRecord> first = journals.commandReader()) {
            first.next().ifPresent(entry -> RulesVersion.requireOf(entry.value()));
        }
    }

    private void run() {
        try {
            restoreNewestSnapshot();
            commands = journals.commandReader();
            long replayed = verifyReplay(journals, engine, commands);
            LOG.log(Level.INFO, "engine replayed and verified {0} documents; state hash {1}", replayed, engine.stateHash());
            publish();
            ready.countDown();
            try (ChronicleJournal.Writer writer = journals.events().writer()) {
                int idle = 0;
                while (running) {
                    Runnable task;
                    while ((task = tasks.poll()) != null) {
                        task.run();
                    }
                    Optional<JournalEntry<CommandRecord>> next = commands.next();
                    if (next.isEmpty()) {
                        idle = idleStrategy.applyAsInt(idle);
                        continue;
                    }
                    idle = 0;
                    EventDocument document = engine.apply(next.get().value());
                    journaled.decided(document);
                    writer.append(JournalCodec.write(document));
                    journaled.appended();
                    if (snapshotEvery > 0 && snapshots != null && engine.lastIndex() % snapshotEvery == 0) {
                        snapshotOrAlarm();
                    }
                    publish(); // after a periodic snapshot, so that awaitIndex sees its outcome too
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            nextDeadline = Long.MAX_VALUE;
            publishHalt();
            LOG.log(Level.ERROR, "ALARM engine halted: " + e.getMessage(), e);
        } finally {
            ready.countDown();
            if (commands != null) {
                commands.close();
            }
            journaled.close();
        }
    }

    private void publish() {
        lastIndex = engine.lastIndex();
        nextDeadline = engine.nextDeadline();
        if (indexWaiters > 0) {
            indexLock.lock();
            try {
                indexMoved.signalAll();
            } finally {
                indexLock.unlock();
            }
        }
    }

    private void publishHalt() {
        indexLock.lock();
        try {
            indexMoved.signalAll();
        } finally {
            indexLock.unlock();
        }
    }

    /**
     * Waits until the engine has decided (and appended the document of) {@code index}; false on timeout, halt or
     * interrupt. The engine thread signals only while someone waits.
     */
    public boolean awaitIndex(long index, java.time.Duration timeout) {
        long left = timeout.toNanos();
        indexLock.lock();
        try {
            indexWaiters++;
            while (lastIndex < index && failure == null && left > 0) {
                left = indexMoved.awaitNanos(left);
            }
            return lastIndex >= index;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            indexWaiters--;
            indexLock.unlock();
        }
    }

    private void restoreNewestSnapshot() {
        if (snapshots == null) {
            return;
        }
        long decided = journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L);
        snapshots.latest(decided).ifPresent(snapshot -> {
            if (snapshot.version() != fundexchange.engine.EngineSnapshot.VERSION) {
                LOG.log(Level.WARNING, "ignoring the snapshot at index {0}: format version {1}, this engine writes {2};"
                        + " replaying the whole journal", snapshot.lastIndex(), snapshot.version(),
                        fundexchange.engine.EngineSnapshot.VERSION);
                return;
            }
            engine = Engine.restore(snapshot, journaled, requestKey);
            snapshotStatus = snapshotStatus.written(snapshot.lastIndex());
            LOG.log(Level.INFO, "engine restored the snapshot at index {0}; replaying the tail", snapshot.lastIndex());
        });
    }

    /**
     * Takes a snapshot now, between commands; completes with its index, or exceptionally with {@link SnapshotFailed}
     * (counted and alarmed as a periodic failure is; the engine goes on).
     */
    public CompletableFuture<Long> snapshotNow() {
        if (snapshots == null) {
            return CompletableFuture.failedFuture(new SnapshotFailed(lastIndex, "this engine keeps no snapshots"));
        }
        return query(e -> {
            if (!snapshotOrAlarm()) {
                throw new SnapshotFailed(e.lastIndex(), "the snapshot at index " + e.lastIndex() + " could not be written");
            }
            return e.lastIndex();
        });
    }

    /**
     * Writes a snapshot of the engine's state at its last index, on the engine thread. A snapshot only shortens a
     * restart, so a failure (a full disk, an unwritable directory) is an alarm and a count, never a halt: the engine
     * goes on and the next snapshot is tried at its time. Returns whether it was written.
     */
    private boolean snapshotOrAlarm() {
        long index = engine.lastIndex();
        try {
            snapshots.write(engine.snapshot());
            snapshotStatus = snapshotStatus.written(index);
            return true;
        } catch (RuntimeException e) {
            snapshotStatus = snapshotStatus.failed(index);
            LOG.log(Level.ERROR, "ALARM snapshot at index " + index + " failed (" + snapshotStatus.failures()
                    + " failures so far); the engine goes on without it: " + e.getMessage(), e);
            return false;
        }
    }

    /** How snapshots fare: failures so far, and the newest snapshot written or restored. */
    public SnapshotStatus snapshotStatus() {
        return snapshotStatus;
    }

    /** Runs a read of engine state on the engine thread, between commands. */
    public <T> CompletableFuture<T> query(Function<Engine, T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(read.apply(engine));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Waits until the recorded documents are replayed and verified; throws if the engine refused to start
     * (a replay difference, or an event journal ahead of the command journal).
     */
    public void awaitReady(java.time.Duration timeout) {
        try {
            if (!ready.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("engine replay did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the engine replays", e);
        }
        if (failure != null) {
            throw new IllegalStateException("engine refused to start: " + failure.getMessage(), failure);
        }
    }

    public long nextDeadline() {
        return nextDeadline;
    }

    public long lastIndex() {
        return lastIndex;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
