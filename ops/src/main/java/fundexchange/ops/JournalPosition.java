package fundexchange.ops;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest journal index that the writes of a group of participants were answered with ({@code X-Journal-Index}).
 * Their reads pass it as {@code minIndex}, so every read sees every write the group made before it (read your writes),
 * with no polling.
 */
public final class JournalPosition {
    private final AtomicLong index = new AtomicLong();

    /** Notes a write's journal index; 0 (no index) changes nothing. */
    public void reached(long journalIndex) {
        index.accumulateAndGet(journalIndex, Math::max);
    }

    /** The highest index noted so far, 0 before any write. */
    public long index() {
        return index.get();
    }
}
