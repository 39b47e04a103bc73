package fundexchange.gateway.http;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reads of one gateway that wait for a {@code minIndex} now, counted per {@link ReadSource} and capped per source
 * ({@code ReadLimits.minIndexWaiters}): a read that would be one too many is refused at once (503, code 135) instead
 * of holding a thread and a connection; and capped per participant over every source
 * ({@code ReadLimits.minIndexWaitersPerParticipant}): one participant's read beyond it is refused at once (429, code
 * 138), so no participant takes every place of a source. A {@link ReentrantLock} guards the counts, so nothing waits on
 * a monitor.
 */
public final class MinIndexWaiters {
    /** What {@link #enter} did. */
    enum Entry { ENTERED, SOURCE_FULL, PARTICIPANT_FULL }

    private final int capacity;
    private final int perParticipant;
    /** Waiting reads per participant; a participant with none has no entry, so the map holds at most the waiters. */
    private final Map<String, Integer> byParticipant = new java.util.HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<ReadSource, Integer> waiting = new EnumMap<>(ReadSource.class);

    /** At most {@code capacity} waiting reads per source, and {@code perParticipant} of one participant. */
    public MinIndexWaiters(int capacity, int perParticipant) {
        if (capacity < 1 || perParticipant < 1) {
            throw new IllegalArgumentException("capacity and per-participant cap must be positive: " + capacity + ", "
                    + perParticipant);
        }
        this.capacity = capacity;
        this.perParticipant = perParticipant;
    }

    /** The caps of {@code limits}. */
    public MinIndexWaiters(fundexchange.gateway.ReadLimits limits) {
        this(limits.minIndexWaiters(), limits.minIndexWaitersPerParticipant());
    }

    /** Takes a place for {@code participant}'s read of {@code source}, unless one of the two caps is reached. */
    Entry enter(ReadSource source, String participant) {
        lock.lock();
        try {
            int own = byParticipant.getOrDefault(participant, 0);
            if (own >= perParticipant) {
                return Entry.PARTICIPANT_FULL;
            }
            int now = waiting.getOrDefault(source, 0);
            if (now >= capacity) {
                return Entry.SOURCE_FULL;
            }
            waiting.put(source, now + 1);
            byParticipant.put(participant, own + 1);
            changed.signalAll();
            return Entry.ENTERED;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the place {@link #enter} took. */
    void leave(ReadSource source, String participant) {
        lock.lock();
        try {
            byParticipant.computeIfPresent(participant, (p, n) -> n == 1 ? null : n - 1);
            waiting.merge(source, -1, Integer::sum);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The places a read of each source may take. */
    public int capacity() {
        return capacity;
    }

    /** The places one participant's reads may take, over every source. */
    public int perParticipant() {
        return perParticipant;
    }

    /** Reads waiting now, over every source. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.values().stream().mapToInt(Integer::intValue).sum();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} reads wait (over every source): lets a test or a tool know the places are
     * taken without polling. False if {@code timeout} passes first.
     */
    public boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (waiting.values().stream().mapToInt(Integer::intValue).sum() < count) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
