package fundexchange.runner;

import fundexchange.agent.Agent;
import fundexchange.engine.Engine;
import fundexchange.engine.EngineSnapshot;
import fundexchange.engine.RequestMemoryKey;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes the engine's snapshots off the engine thread (issue 18): an on-demand follower on a daemon thread of its own.
 * The engine thread only posts a {@link Mark} ("a snapshot is wanted at index N", O(1)); the follower brings an engine
 * of its own to N by replaying the command journal (its first job restores the newest snapshot in the store, or starts
 * empty; later jobs go on from where the last one stopped: it keeps that engine warm), checks every event document it
 * produces against the journal's byte for byte and the engine's cheap fingerprint at N (its next deadline), and only
 * then writes {@code Snapshots.take} of its state. So a snapshot at N has the same bytes as one the engine thread would
 * have taken at N, whenever the follower runs. One job at a time; marks posted while a job runs coalesce into the
 * newest. A failure is the alarm it always was (a log line, a count in {@link SnapshotStatus}), never a halt; a replay
 * that differs from the journal writes nothing and drops the follower's engine (the next job starts from the store).
 */
final class SnapshotFollower implements Agent {
    private static final System.Logger LOG = System.getLogger(SnapshotFollower.class.getName());

    /** What the engine thread posts: the index a snapshot is wanted at and its next deadline there (both O(1)). */
    record Mark(long index, long nextDeadline) {
    }

    /** An answer waited for: the snapshot at or after {@code index}. */
    private record Request(long index, CompletableFuture<Long> answer) {
    }

    private final Journals journals;
    private final SnapshotStore store;
    private final RequestMemoryKey key;
    private final AtomicReference<Mark> wanted = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private volatile SnapshotStatus status = SnapshotStatus.NONE;
    private volatile boolean closed;
    /** Set when the node closes: a job in its replay stops at once instead of outliving the journals. */
    private volatile boolean stopping;
    // The follower thread's own: its engine at some index, readers just after that index, and its idempotency reads.
    private Engine engine;
    private JournalRequests journaled;
    private Journals.TypedReader<CommandRecord> commands;
    private ChronicleJournal.Reader events;

    SnapshotFollower(Journals journals, SnapshotStore store, RequestMemoryKey key) {
        this.journals = Objects.requireNonNull(journals, "journals");
        this.store = Objects.requireNonNull(store, "snapshot store");
        this.key = Objects.requireNonNull(key, "request key");
    }

    @Override
    public String roleName() {
        return "snapshotter";
    }

    @Override
    public void onStart() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    }

    /** The engine restored the snapshot at {@code index} at start: it counts as the newest written. */
    void restored(long index) {
        status = status.written(index);
    }

    /**
     * Asks for a snapshot at {@code mark}'s index; O(1) and never waits (the engine thread calls it). A mark at or
     * below one not yet taken up is dropped: the newer one covers it.
     */
    void post(Mark mark) {
        wanted.accumulateAndGet(mark, (held, posted) -> held == null || posted.index() > held.index() ? posted : held);
    }

    /**
     * As {@link #post}, and answers with the index of the snapshot written at or after {@code mark}'s index, or
     * exceptionally with {@link SnapshotFailed} if the job that covered it failed.
     */
    CompletableFuture<Long> request(Mark mark) {
        Request request = new Request(mark.index(), new CompletableFuture<>());
        requests.add(request);
        if (closed) {
            failRequests(Long.MAX_VALUE, new IllegalStateException("the engine is closed; no snapshot was taken"));
        } else {
            post(mark);
        }
        return request.answer();
    }

    /**
     * Completes with the index of the first snapshot written at or after {@code index} (restored ones count), posting
     * nothing: for a caller that waits for a periodic snapshot.
     */
    CompletableFuture<Long> written(long index) {
        Request request = new Request(index, new CompletableFuture<>());
        requests.add(request); // before the check: a job that ends meanwhile answers it, or the check does
        long newest = status.lastWrittenIndex();
        if (newest >= index && requests.remove(request)) {
            request.answer().complete(newest);
        }
        return request.answer();
    }

    /** The node closes: a job still replaying gives up (call before closing the snapshotter's runner). */
    void stop() {
        stopping = true;
    }

    SnapshotStatus status() {
        return status;
    }

    @Override
    public int doWork() {
        Mark mark = wanted.getAndSet(null);
        if (mark == null) {
            return 0;
        }
        long written = status.lastWrittenIndex();
        if (mark.index() <= written) { // a request the newest snapshot already covers
            answerRequests(written);
            return 1;
        }
        long index = mark.index();
        EngineSnapshot snapshot;
        try {
            index = advanceTo(mark);
            snapshot = engine.snapshot();
        } catch (RuntimeException e) {
            drop();
            if (stopping) {
                return 1; // closing: onClose answers the requests
            }
            alarm(index, e);
            return 1;
        }
        try {
            store.write(snapshot);
        } catch (RuntimeException e) {
            alarm(index, e); // its engine is still sound at the index: the next job goes on from it
            return 1;
        }
        status = status.written(index);
        answerRequests(index);
        return 1;
    }

    /**
     * Brings the follower's engine to {@code mark}'s index (or leaves it where a failed write left it, past that
     * index), verifying as it goes; returns the index it is at.
     */
    private long advanceTo(Mark mark) {
        if (engine == null) {
            open(mark.index());
        }
        while (engine.lastIndex() < mark.index()) {
            if (stopping) {
                throw new IllegalStateException("the node is closing");
            }
            JournalEntry<CommandRecord> command = commands.next().orElseThrow(() -> new IllegalStateException(
                    "the command journal ends at " + engine.lastIndex() + ", before index " + mark.index()));
            byte[] recorded = events.next().orElseThrow(() -> new IllegalStateException(
                    "the event journal ends at " + engine.lastIndex() + ", before index " + mark.index()));
            EventDocument replayed = engine.apply(command.value());
            if (!Arrays.equals(JournalCodec.write(replayed), recorded)) {
                throw new IllegalStateException("replay differs from the recorded event document at index "
                        + command.value().index() + "; no snapshot is written");
            }
        }
        if (engine.lastIndex() == mark.index() && engine.nextDeadline() != mark.nextDeadline()) {
            throw new IllegalStateException("at index " + mark.index() + " the engine's next deadline is "
                    + mark.nextDeadline() + " but the replay's is " + engine.nextDeadline() + "; no snapshot is written");
        }
        return engine.lastIndex();
    }

    /** Restores the newest usable snapshot at or before {@code index} (or starts empty) and positions the readers. */
    private void open(long index) {
        journaled = new JournalRequests(journals);
        engine = store.latest(index).filter(s -> s.version() == EngineSnapshot.VERSION)
                .map(s -> Engine.restore(s, journaled, key)).orElseGet(() -> new Engine(journaled, key));
        commands = journals.commandReader();
        events = journals.events().reader();
        for (long skipped = 0; skipped < engine.lastIndex(); skipped++) {
            if (commands.skip().isEmpty() || events.next().isEmpty()) {
                throw new IllegalStateException("the journals end before the snapshot's index " + engine.lastIndex());
            }
        }
    }

    /** Drops the follower's engine and readers (after a failure that leaves its state in doubt, and at close). */
    private void drop() {
        engine = null;
        try {
            if (commands != null) {
                commands.close();
            }
            if (events != null) {
                events.close();
            }
            if (journaled != null) {
                journaled.close();
            }
        } finally {
            commands = null;
            events = null;
            journaled = null;
        }
    }

    private void alarm(long index, RuntimeException cause) {
        status = status.failed(index);
        LOG.log(Level.ERROR, "ALARM snapshot at index " + index + " failed (" + status.failures()
                + " failures so far); the engine goes on without it: " + cause.getMessage(), cause);
        failRequests(index, new SnapshotFailed(index, "the snapshot at index " + index + " could not be written"));
    }

    private void answerRequests(long index) {
        for (java.util.Iterator<Request> it = requests.iterator(); it.hasNext(); ) {
            Request request = it.next();
            if (request.index() <= index) {
                it.remove();
                request.answer().complete(index);
            }
        }
    }

    private void failRequests(long index, RuntimeException failure) {
        for (java.util.Iterator<Request> it = requests.iterator(); it.hasNext(); ) {
            Request request = it.next();
            if (request.index() <= index) {
                it.remove();
                request.answer().completeExceptionally(failure);
            }
        }
    }

    @Override
    public void onClose() {
        closed = true;
        try {
            drop();
        } finally {
            failRequests(Long.MAX_VALUE, new IllegalStateException("the engine is closed; no snapshot was taken"));
        }
    }
}
