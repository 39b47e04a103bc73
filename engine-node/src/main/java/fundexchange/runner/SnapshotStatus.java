package fundexchange.runner;

/**
 * How the engine's snapshots fare: how many failed since the node started, the index of the newest one written (or
 * restored at start; 0 when there is none) and the index of the last failure (0 when none failed).
 */
public record SnapshotStatus(long failures, long lastWrittenIndex, long lastFailedIndex) {
    /** No snapshot written, none failed. */
    public static final SnapshotStatus NONE = new SnapshotStatus(0, 0, 0);

    SnapshotStatus written(long index) {
        return new SnapshotStatus(failures, index, lastFailedIndex);
    }

    SnapshotStatus failed(long index) {
        return new SnapshotStatus(failures + 1, lastWrittenIndex, index);
    }
}
