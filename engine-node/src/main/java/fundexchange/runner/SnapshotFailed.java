package fundexchange.runner;

import java.util.Objects;

/**
 * A snapshot asked for was not written; its message names the index and the kind of failure only (the cause is in
 * the node's log).
 */
public final class SnapshotFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why no snapshot was written: each asks something else of an operator. */
    public enum Kind {
        /** The store could not write it (a full disk, an unwritable snapshot directory); the next job retries. */
        WRITE_FAILED,
        /**
         * The snapshotter's replay differed from the recorded journal: nothing at or past that index is snapshotted
         * until the node restarts (whose start-up replay then checks the journal again).
         */
        REPLAY_DIFFERS,
        /** The snapshotter could not replay the journal to the index (a journal it could not read); the next job retries. */
        REPLAY_FAILED,
        /** The snapshotter's thread halted (an {@link Error}): no snapshot is taken until the node restarts. */
        HALTED,
        /** This engine keeps no snapshots, or it is closed. */
        UNAVAILABLE
    }

    private final long index;
    private final Kind kind;

    public SnapshotFailed(long index, Kind kind, String message) {
        super(message);
        this.index = index;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The index the snapshot was wanted at (or the failing job's). */
    public long index() {
        return index;
    }

    public Kind kind() {
        return kind;
    }
}
