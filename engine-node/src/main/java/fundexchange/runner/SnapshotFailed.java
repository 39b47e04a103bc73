package fundexchange.runner;

/** A snapshot asked for was not written; its message names the index only (the cause is in the node's log). */
public final class SnapshotFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long index;

    public SnapshotFailed(long index, String message) {
        super(message);
        this.index = index;
    }

    /** The engine's index when the snapshot was asked for. */
    public long index() {
        return index;
    }
}
