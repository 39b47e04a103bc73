package fundexchange.runner;

import fundexchange.engine.Engine;
import fundexchange.engine.EngineSnapshot;
import fundexchange.engine.RequestMemoryKey;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The snapshotter's own engine (its thread's alone), brought to an index by replaying the journals and checked as it
 * goes, as the engine's start-up replay checks: every event document it produces against the recorded one, and its
 * next deadline at the index against the mark's. It replays in slices of 1,000 commands and pauses 1 ms after a slice
 * while the live engine has a backlog, and gives up at its next step once the node is stopping.
 */
final class FollowerReplay {
    private static final System.Logger LOG = System.getLogger(FollowerReplay.class.getName());
    /** Commands replayed between looks at the engine's backlog. */
    static final int SLICE = 1_000;
    /** The pause after a slice while the engine has a backlog: it bounds a job's slow-down to one such per slice. */
    private static final long SLICE_PAUSE_NANOS = Duration.ofMillis(1).toNanos();

    /** How far a replay got: to the index, or not, because the node is stopping. */
    sealed interface Advance {
        /** The engine is at {@code index} (the mark's, or past it where a failed write left it). */
        record Reached(long index) implements Advance {
        }

        /** The node is stopping: the replay gave up. */
        record Stopped() implements Advance {
        }
    }

    /** The replay differed from the journal at {@code index}. */
    static final class ReplayDiffers extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long index;

        ReplayDiffers(long index, String message) {
            super(message);
            this.index = index;
        }

        long index() {
            return index;
        }
    }

    private final Journals journals;
    private final SnapshotStore store;
    private final RequestMemoryKey key;
    private final SnapshotFollower.EngineProgress progress;
    private final BooleanSupplier stopping;
    private Engine engine;
    private JournalRequests journaled;
    private Journals.TypedReader<CommandRecord> commands;
    private ChronicleJournal.Reader events;

    FollowerReplay(Journals journals, SnapshotStore store, RequestMemoryKey key, SnapshotFollower.EngineProgress progress,
                   BooleanSupplier stopping) {
        this.journals = Objects.requireNonNull(journals, "journals");
        this.store = Objects.requireNonNull(store, "snapshot store");
        this.key = Objects.requireNonNull(key, "request key");
        this.progress = Objects.requireNonNull(progress, "engine progress");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
    }

    /**
     * Brings the engine to {@code mark}'s index (or leaves it where a failed write left it, past that index), opening it
     * first if there is none; throws {@link ReplayDiffers} at a difference from the journal.
     */
    Advance advanceTo(SnapshotFollower.Mark mark) {
        if (engine == null && !open(mark.index())) {
            return new Advance.Stopped();
        }
        for (long step = 1; engine.lastIndex() < mark.index(); step++) {
            if (stopping.getAsBoolean()) {
                return new Advance.Stopped();
            }
            if (step % SLICE == 0 && progress.backlog() > 0) {
                // Linux ignores thread priorities: on few cores, this is how the job yields to an engine with work.
                LockSupport.parkNanos(this, SLICE_PAUSE_NANOS);
            }
            JournalEntry<CommandRecord> command = commands.next().orElseThrow(() -> new IllegalStateException(
                    "the command journal ends at " + engine.lastIndex() + ", before index " + mark.index()));
            byte[] recorded = events.next().orElseThrow(() -> new IllegalStateException(
                    "the event journal ends at " + engine.lastIndex() + ", before index " + mark.index()));
            EventDocument replayed = engine.apply(command.value());
            if (!sameDocument(replayed, recorded)) {
                throw new ReplayDiffers(command.value().index(), "replay differs from the recorded event document at index "
                        + command.value().index() + "; no snapshot is written");
            }
        }
        if (engine.lastIndex() == mark.index() && engine.nextDeadline() != mark.nextDeadline()) {
            throw new ReplayDiffers(mark.index(), "at index " + mark.index() + " the engine's next deadline is "
                    + mark.nextDeadline() + " but the replay's is " + engine.nextDeadline() + "; no snapshot is written");
        }
        return new Advance.Reached(engine.lastIndex());
    }

    /** The engine's state as a snapshot (after {@link #advanceTo} reached an index). */
    EngineSnapshot snapshot() {
        return engine.snapshot();
    }

    /**
     * Judged by {@link JournalDocuments#sameDocument}, as {@link EngineRunner#verifyReplay} judges it (a binary document
     * byte for byte, a JSON one by value); a JSON document byte-equal to this build's encoding is the cheap case (every
     * JSON document this build wrote). One that does not even decode differs (REPLAY_DIFFERS, not a retryable failure).
     */
    private static boolean sameDocument(EventDocument replayed, byte[] recorded) {
        if (!JournalDocuments.isBinary(recorded) && Arrays.equals(JournalCodec.write(replayed), recorded)) {
            return true;
        }
        try {
            return JournalDocuments.sameDocument(recorded, replayed);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Restores the newest usable snapshot at or before {@code index} (or starts empty) and positions the readers; false
     * if the node is stopping, looked at just before and just after reading the newest file (at a million items that
     * takes seconds).
     */
    private boolean open(long index) {
        if (stopping.getAsBoolean()) {
            return false;
        }
        Optional<EngineSnapshot> newest = store.latest(index).filter(s -> s.version() == EngineSnapshot.VERSION);
        if (stopping.getAsBoolean()) {
            return false;
        }
        journaled = new JournalRequests(journals);
        engine = newest.map(s -> Engine.restore(s, journaled, key)).orElseGet(() -> new Engine(journaled, key));
        commands = journals.commandReader();
        events = journals.events().reader();
        for (long skipped = 0; skipped < engine.lastIndex(); skipped++) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            if (commands.skip().isEmpty() || events.next().isEmpty()) {
                throw new IllegalStateException("the journals end before the snapshot's index " + engine.lastIndex());
            }
        }
        return true;
    }

    /**
     * Drops the engine and readers (after a failure that leaves its state in doubt, on request-only snapshots after
     * each job, and at close). A reader that fails to close is logged, never thrown: a job's answer must not be lost to
     * it, nor the snapshotter halted.
     */
    void drop() {
        engine = null;
        AutoCloseable[] readers = {commands, events, journaled};
        commands = null;
        events = null;
        journaled = null;
        for (AutoCloseable reader : readers) {
            if (reader != null) {
                try {
                    reader.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "the snapshotter could not close a journal reader: " + e.getMessage(), e);
                }
            }
        }
    }
}
