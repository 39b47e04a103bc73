package fundexchange.gateway.http;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reads of one gateway that wait for a {@code minIndex} now, counted per {@link ReadSource} and capped per source
 * ({@code ReadLimits.minIndexWaiters}): a read that would be one too many is refused at once (503, code 135) instead
 * of holding a thread and a connection. A {@link ReentrantLock} guards the counts, so nothing waits on a monitor.
 */
public final class MinIndexWaiters {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<ReadSource, Integer> waiting = new EnumMap<>(ReadSource.class);

    /** At most {@code capacity} waiting reads per source. */
    public MinIndexWaiters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Takes a place for a read of {@code source}; false when the source's places are all taken. */
    boolean enter(ReadSource source) {
        lock.lock();
        try {
            int now = waiting.getOrDefault(source, 0);
            if (now >= capacity) {
                return false;
            }
            waiting.put(source, now + 1);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the place {@link #enter} took. */
    void leave(ReadSource source) {
        lock.lock();
        try {
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
