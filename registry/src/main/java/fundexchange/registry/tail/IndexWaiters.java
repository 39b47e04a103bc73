package fundexchange.registry.tail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An index one thread moves forward and others wait for (a read's {@code minIndex}, a catch-up). Each waiter is an
 * entry of a set sorted by its target index, holding a {@link CompletableFuture} the writer completes when the index
 * passes that target; a waiter parks on its future ({@code LockSupport}, never a monitor), so a waiting virtual thread
 * leaves its carrier free. The writer's hot path is a volatile write and a volatile read while nobody waits; the set
 * is touched under a {@link ReentrantLock} only when someone does.
 */
public final class IndexWaiters {
    private static final Comparator<Waiter> ORDER = Comparator.comparingLong(Waiter::target)
            .thenComparingLong(Waiter::sequence);

    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();
    private final TreeSet<Waiter> waiters = new TreeSet<>(ORDER);
    private long sequence;
    private volatile int waiting;
    private volatile long index;
    private volatile boolean stopped;

    private record Waiter(long target, long sequence, CompletableFuture<Void> released) {
    }

    /** The index published last. */
    public long index() {
        return index;
    }

    /** How many callers wait now. */
    public int waiting() {
        return waiting;
    }

    /**
     * Waits until at least {@code count} callers wait (each registered, so only an advance or a stop releases it): lets
     * a test advance only once its waiters wait, without polling. False if {@code timeout} passes first.
     */
    public boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (waiters.size() < count) {
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

    /** Publishes {@code to} (never lower than before) and releases every waiter whose target it reaches. */
    public void advance(long to) {
        index = to;
        // Pairs with await: a waiter writes `waiting` before it reads `index`, this writes `index` before it reads
        // `waiting`, so either the waiter sees the new index or this sees the waiter.
        if (waiting > 0) {
            release();
        }
    }

    /** No further advance will come: every waiter returns now, and nobody waits after this. */
    public void stop() {
        stopped = true;
        release();
    }

    private void release() {
        List<Waiter> due = new ArrayList<>();
        lock.lock();
        try {
            long reached = index;
            while (!waiters.isEmpty() && (stopped || waiters.first().target() <= reached)) {
                due.add(waiters.pollFirst());
            }
            waiting = waiters.size();
        } finally {
            lock.unlock();
        }
        due.forEach(waiter -> waiter.released().complete(null));
    }

    /** Waits until the index reaches {@code target}; false on timeout, stop or interrupt. */
    public boolean await(long target, Duration timeout) {
        if (index >= target) {
            return true;
        }
        if (stopped) {
            return false;
        }
        Waiter waiter;
        lock.lock();
        try {
            waiter = new Waiter(target, sequence++, new CompletableFuture<>());
            waiters.add(waiter);
            waiting = waiters.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (index < target && !stopped) {
                waiter.released().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            // answered below from the index
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a waiter's future is only ever completed normally", e);
        } finally {
            remove(waiter);
        }
        return index >= target;
    }

    private void remove(Waiter waiter) {
        lock.lock();
        try {
            waiters.remove(waiter);
            waiting = waiters.size();
        } finally {
            lock.unlock();
        }
    }
}
