package fundexchange.runner;

import fundexchange.agent.Agent;
import fundexchange.agent.AgentRunner;
import fundexchange.agent.IdleStrategy;
import fundexchange.agent.SpinYieldPark;
import fundexchange.engine.Engine;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.wire.WireBuffer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Runs the engine on its own thread (an {@link AgentRunner}): tails the command journal, applies each record and
 * appends its event document. At start it replays the commands already decided and halts at the first document that differs (CONTRACTS.md 5).
 */
public final class EngineRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineRunner.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What the engine thread does when the command journal has nothing new. {@link #BACK_OFF} (the default):
     * {@code Thread.onSpinWait()} for 100 empty polls, then {@code Thread.yield()} for 100, then
     * {@code LockSupport.parkNanos(200 µs)} per poll. {@link #BUSY_SPIN}: {@code Thread.onSpinWait()} on every empty
     * poll, so the thread keeps a core to itself (for a dedicated core, as the engine latency benchmark runs it).
     */
    public enum Idle {
        BACK_OFF, BUSY_SPIN;

        private static final SpinYieldPark BACK_OFF_STEPS = new SpinYieldPark(100, 100, 0, Duration.ofNanos(200_000),
                Duration.ofNanos(200_000));

        /** Waits once after {@code emptyPolls} empty polls in a row; returns the count for the next empty poll. */
        int afterEmptyPoll(int emptyPolls) {
            if (this == BUSY_SPIN) {
                Thread.onSpinWait();
                return emptyPolls;
            }
            SpinYieldPark.Pause.THREAD.take(BACK_OFF_STEPS.stepAfter(emptyPolls));
            return emptyPolls == Integer.MAX_VALUE ? emptyPolls : emptyPolls + 1;
        }
    }

    /** An {@link IdleStrategy} over {@code afterEmptyPoll}: the empty polls in a row, restarted by a decided command. */
    private static final class EmptyPolls implements IdleStrategy {
        private final IntUnaryOperator afterEmptyPoll;
        private int emptyPolls;

        EmptyPolls(IntUnaryOperator afterEmptyPoll) {
            this.afterEmptyPoll = afterEmptyPoll;
        }

        @Override
        public void idle(int workCount) {
            emptyPolls = workCount > 0 ? 0 : afterEmptyPoll.applyAsInt(emptyPolls);
        }
    }

    private final Journals journals;
    private final SnapshotStore snapshots;
    private final long snapshotEvery;
    /** Takes the snapshots on a thread of its own (null when this engine keeps none). */
    private final SnapshotFollower follower;
    private final AgentRunner snapshotter;
    /**
     * Told of each command the engine decides live (not the replay at start), on the engine thread right after its
     * document is appended: it must be quick and must not allocate per call beyond a counter's increment (metrics).
     * An observer that throws is logged once and never halts the engine.
     */
    @FunctionalInterface
    public interface Decisions {
        /** Nothing is told. */
        Decisions NONE = (command, outcome) -> { };

        void decided(fundexchange.protocol.command.Command command, fundexchange.protocol.Outcome outcome);
    }

    private volatile Decisions decisions = Decisions.NONE;
    private boolean observerFailed;
    private final JournalRequests journaled;
    private final fundexchange.engine.RequestMemoryKey requestKey;
    private Engine engine;
    private final ConcurrentLinkedQueue<Query<?>> tasks = new ConcurrentLinkedQueue<>();
    /** Set when the engine thread closes (after a halt too): from then on no query runs, each is answered failed. */
    private volatile boolean stopped;
    private final AgentRunner runner;
    private volatile long nextDeadline = Long.MAX_VALUE;
    private volatile long lastIndex;
    private volatile Throwable failure;
    private final java.util.concurrent.locks.ReentrantLock indexLock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition indexMoved = indexLock.newCondition();
    private volatile int indexWaiters;
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    /** The command journal as the engine thread reads it: one reused buffer (and view, for binary records). */
    private Journals.CommandStream commands;
    private ChronicleJournal.Writer events;
    /** The engine thread's reused buffer for the event document it appends. */
    private final WireBuffer eventBuffer = new WireBuffer(4096);

    public EngineRunner(Journals journals) {
        this(journals, null, 0);
    }

    /**
     * A runner that restarts from the newest snapshot in {@code snapshots} (if any) plus the journal tail, and wants a
     * snapshot every {@code snapshotEvery} commands (0: only on request). The engine thread never takes one: it posts
     * the index to a snapshotter thread ({@link SnapshotFollower}), which replays to it with an engine of its own.
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
        this.runner = new AgentRunner(new Decider(), new EmptyPolls(java.util.Objects.requireNonNull(idle, "idle")),
                this::halt, CLOSE_TIMEOUT, Thread.currentThread().isDaemon());
        this.follower = snapshots == null ? null : new SnapshotFollower(journals, snapshots, requestKey, snapshotEvery,
                new Progress(journals, () -> lastIndex));
        // A daemon that parks while nothing is wanted (a post unparks it), whatever the engine's idling; its halt (an
        // Error) is recorded by the follower, which then fails every request saying the node must restart.
        this.snapshotter = follower == null ? null : new AgentRunner(follower, follower, follower::halted, CLOSE_TIMEOUT, true);
    }

    /**
     * What the snapshotter reads of an engine, on its own thread: the index decided, and the backlog as the command
     * journal's last index (read from its end, once per replayed slice) minus that index, never below 0.
     */
    static final class Progress implements SnapshotFollower.EngineProgress {
        private final Journals journals;
        private final java.util.function.LongSupplier decided;

        Progress(Journals journals, java.util.function.LongSupplier decided) {
            this.journals = java.util.Objects.requireNonNull(journals, "journals");
            this.decided = java.util.Objects.requireNonNull(decided, "decided");
        }

        @Override
        public long decided() {
            return decided.getAsLong();
        }

        @Override
        public long backlog() {
            long index = decided.getAsLong(); // first: the journal only grows, so the difference is never below the backlog
            return Math.max(0, journals.lastCommand().map(CommandRecord::index).orElse(0L) - index);
        }
    }

    /** Tells {@code listener} of each command decided from now on (set it before {@link #start()}). */
    public EngineRunner observe(Decisions listener) {
        this.decisions = java.util.Objects.requireNonNull(listener, "decisions");
        return this;
    }

    /** Replays what the event journal already holds, verifying every document, then starts the engine thread. */
    public EngineRunner start() {
        runner.start();
        if (snapshotter != null) {
            snapshotter.start();
        }
        return this;
    }

    /** Replays and verifies without starting the thread; returns the number of documents verified. */
    public static long verifyReplay(Journals journals, Engine engine) {
        return verifyReplay(journals, engine, verified -> { });
    }

    /** As {@link #verifyReplay(Journals, Engine)}, telling {@code progress} how many documents are verified so far. */
    public static long verifyReplay(Journals journals, Engine engine, java.util.function.LongConsumer progress) {
        try (Journals.CommandStream commandStream = journals.commandStream()) {
            return verifyReplay(journals, engine, commandStream, progress);
        }
    }

    /**
     * As {@link #verifyReplay(Journals, Engine)} for an engine restored at some index: the documents up to that index
     * are skipped. Leaves {@code commands} just after the last verified command. Both journals are read into reused
     * buffers ({@link Journals.CommandStream}, {@link ChronicleJournal.Reader#next(WireBuffer)}).
     */
    static long verifyReplay(Journals journals, Engine engine, Journals.CommandStream commands) {
        return verifyReplay(journals, engine, commands, verified -> { });
    }

    private static long verifyReplay(Journals journals, Engine engine, Journals.CommandStream commands,
                                     java.util.function.LongConsumer progress) {
        requireRulesVersion(journals);
        long verified = 0;
        WireBuffer recorded = new WireBuffer(4096);
        try (ChronicleJournal.Reader eventReader = journals.events().reader()) {
            for (long skipped = 0; skipped < engine.lastIndex(); skipped++) {
                if (!commands.skip() || !eventReader.next(recorded)) {
                    throw new IllegalStateException("the journals end before the snapshot's index " + engine.lastIndex());
                }
            }
            while (eventReader.next(recorded)) {
                if (!commands.next()) {
                    throw new IllegalStateException("event journal runs ahead of the command journal at document " + (verified + 1));
                }
                CommandRecord command = commands.record();
                EventDocument recomputed = engine.apply(command);
                if (!JournalDocuments.sameDocument(recorded.array(), recorded.position(), recomputed)) {
                    throw new IllegalStateException("replay differs from the recorded event document at index "
                            + command.index());
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

    /**
     * The engine's duty cycle: at start it restores the newest snapshot and replays and verifies the journal tail; each
     * cycle runs the queued reads, then decides the next command if the journal holds one (1) or finds none (0).
     */
    private final class Decider implements Agent {
        @Override
        public String roleName() {
            return "engine";
        }

        @Override
        public void onStart() {
            restoreNewestSnapshot();
            commands = journals.commandStream();
            long replayed = verifyReplay(journals, engine, commands);
            LOG.log(Level.INFO, "engine replayed and verified {0} documents; state hash {1}", replayed, engine.stateHash());
            publish();
            ready.countDown();
            events = journals.events().writer();
        }

        @Override
        public int doWork() {
            Query<?> task;
            while ((task = tasks.poll()) != null) {
                task.run(engine);
            }
            if (!commands.next()) {
                return 0;
            }
            CommandRecord command = commands.record();
            EventDocument decided = engine.apply(command);
            journaled.decided(decided);
            eventBuffer.clear();
            JournalDocuments.encode(decided, JournalEncoding.current(), eventBuffer);
            events.append(eventBuffer.array(), 0, eventBuffer.position());
            journaled.appended();
            escrowAlarms(decided);
            tellObserver(command.command(), decided.outcome());
            publish();
            if (snapshotEvery > 0 && follower != null && lastIndex % snapshotEvery == 0) {
                follower.post(new SnapshotFollower.Mark(lastIndex, nextDeadline)); // O(1): the follower takes it
            }
            return 1;
        }

        @Override
        public void onClose() {
            stopped = true;
            failPendingQueries();
            try {
                if (events != null) {
                    events.close();
                }
            } finally {
                ready.countDown();
                if (commands != null) {
                    commands.close();
                }
                journaled.close();
            }
        }
    }

    /**
     * A bank statement that differed from the escrow total (issue 22) reaches operators as an alarm line, as the node's
     * other alarms do; the alarm stays open in the engine until staff acknowledge it by maker-checker. Logged when the
     * document is decided live, not on replay.
     */
    private static void escrowAlarms(EventDocument document) {
        for (fundexchange.protocol.event.Event event : document.events()) {
            if (event instanceof fundexchange.protocol.event.EscrowMismatchRaised alarm) {
                LOG.log(Level.ERROR, "ALARM escrow mismatch: the bank's statement of " + alarm.currency() + " for "
                        + alarm.statementDate() + " says " + alarm.bankBalance() + " but the escrow total is "
                        + alarm.escrowBalance() + " (alarm " + alarm.alarmId() + ", open until staff acknowledge it)");
            }
        }
    }

    /** Metrics are not the engine's business: an observer's failure is logged once and the engine goes on. */
    private void tellObserver(fundexchange.protocol.command.Command command, fundexchange.protocol.Outcome outcome) {
        try {
            decisions.decided(command, outcome);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (!observerFailed) {
                observerFailed = true;
                LOG.log(Level.WARNING, "the decision observer failed; the engine goes on: " + e.getMessage(), e);
            }
        }
    }

    /** The engine's alarm: it halts, decides nothing more and publishes no deadline (CONTRACTS.md 10). */
    private void halt(Throwable cause) {
        failure = cause;
        nextDeadline = Long.MAX_VALUE;
        publishHalt();
        LOG.log(Level.ERROR, "ALARM engine halted: " + cause.getMessage(), cause);
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
            follower.restored(snapshot.lastIndex());
            LOG.log(Level.INFO, "engine restored the snapshot at index {0}; replaying the tail", snapshot.lastIndex());
        });
    }

    /**
     * Asks for a snapshot at the engine's index now (read between commands, O(1) on the engine thread); the
     * snapshotter takes it off the engine thread. Completes with the index of the snapshot written, at or after that
     * index (a request coalesces with a job already wanted), or exceptionally with {@link SnapshotFailed}: its
     * {@link SnapshotFailed#kind()} says whether the write failed, the replay differed from the journal or could not be
     * done, or the snapshotter halted (each counted and alarmed as a periodic failure is; the engine goes on), or the
     * node is closed or keeps no snapshots.
     */
    public CompletableFuture<Long> snapshotNow() {
        if (follower == null) {
            return CompletableFuture.failedFuture(noSnapshots(lastIndex));
        }
        return query(e -> new SnapshotFollower.Mark(e.lastIndex(), e.nextDeadline())).thenCompose(follower::request);
    }

    /**
     * Completes when a snapshot at or after {@code index} is written (a periodic one, say), or was restored at start,
     * with its index. It fails fast with the covering job's {@link SnapshotFailed} when a job covering {@code index}
     * fails (it does not wait for a later job), and with one when this engine keeps no snapshots, the snapshotter
     * halted or the node closed. The periodic mark at {@code index} may be skipped by the floor between jobs (after a
     * job that did not keep up): then only a later snapshot answers, so a caller that must not wait on more commands
     * asks with {@link #snapshotNow}.
     */
    public CompletableFuture<Long> snapshotWritten(long index) {
        return follower == null ? CompletableFuture.failedFuture(noSnapshots(index)) : follower.written(index);
    }

    /**
     * Completes when a snapshot job covering {@code index} has ended, whether it wrote its snapshot or failed (or at
     * once if one has, or a restored snapshot covers it), with the index the job ended at; asks for nothing (a
     * periodic mark at {@code index}, or a request, makes the job; a periodic mark the floor between jobs skips makes
     * none). Fails with {@link SnapshotFailed} as {@link #snapshotWritten} does. For a caller that steps with the
     * snapshotter: a test, a benchmark.
     */
    public CompletableFuture<Long> snapshotSettled(long index) {
        return follower == null ? CompletableFuture.failedFuture(noSnapshots(index)) : follower.settled(index);
    }

    /** Whether the snapshotter's thread halted: no snapshot is taken until the node restarts (an alarm). */
    public boolean snapshotterHalted() {
        return follower != null && follower.isHalted();
    }

    private static SnapshotFailed noSnapshots(long index) {
        return new SnapshotFailed(index, SnapshotFailed.Kind.UNAVAILABLE, "this engine keeps no snapshots");
    }

    /** How snapshots fare: failures so far, and the newest snapshot written or restored. */
    public SnapshotStatus snapshotStatus() {
        return follower == null ? SnapshotStatus.NONE : follower.status();
    }

    /**
     * Runs a read of engine state on the engine thread, between commands. A caller that gives up cancels the future
     * (or completes it): the read is then dropped unrun, so a query that timed out never runs later. Every query is
     * answered: a read that throws (an {@link Error} too) completes it exceptionally, and a query the engine can no
     * longer run (it halted or was closed, before or after the query was asked) completes exceptionally with an
     * {@link IllegalStateException} saying which.
     */
    public <T> CompletableFuture<T> query(Function<Engine, T> read) {
        Query<T> query = new Query<>(read, new CompletableFuture<>());
        if (stopped) {
            query.fail(notRunning());
            return query.result();
        }
        tasks.add(query);
        if (stopped) {
            failPendingQueries(); // the engine thread closed while this was added: it will never poll again
        }
        return query.result();
    }

    private void failPendingQueries() {
        Query<?> pending;
        while ((pending = tasks.poll()) != null) {
            pending.fail(notRunning());
        }
    }

    private IllegalStateException notRunning() {
        Throwable cause = failure;
        return cause == null ? new IllegalStateException("the engine is closed; the query was not run")
                : new IllegalStateException("the engine halted; the query was not run: " + cause.getMessage(), cause);
    }

    /** A read and its answer. */
    private record Query<T>(Function<Engine, T> read, CompletableFuture<T> result) {
        /**
         * Runs the read unless its caller gave up. A read that throws fails only its own future and the engine goes on
         * (a read changes nothing), unless the JVM itself is failing ({@link VirtualMachineError}), which halts it.
         */
        void run(Engine engine) {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(read.apply(engine));
            } catch (Throwable e) {
                result.completeExceptionally(e);
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            }
        }

        void fail(Throwable cause) {
            result.completeExceptionally(cause);
        }
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

    /**
     * Closes the engine thread, then the snapshotter: each is asked to stop and waited for up to 5 s (a job in hand
     * stops at its next replayed command, just before or just after reading the newest snapshot file, or before its
     * write; a read or a write already under way finishes first). Requests still waiting fail with
     * {@link SnapshotFailed}.
     */
    @Override
    public void close() {
        if (follower != null) {
            follower.stop(); // first: the job in hand winds down while the engine thread closes
        }
        try {
            runner.close();
        } finally {
            if (snapshotter != null) {
                snapshotter.close();
            }
        }
    }
}
