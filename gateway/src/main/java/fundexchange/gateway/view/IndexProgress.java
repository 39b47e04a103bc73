package fundexchange.gateway.view;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An index one thread moves forward and others wait for: a waiter sleeps on a monitor that the writer signals after
 * each advance, but only while someone waits, so the writer's hot path stays a volatile write and a read.
 */
final class IndexProgress {
    private final Object monitor = new Object();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile long index;
    private volatile boolean stopped;

    long index() {
        return index;
    }

    /** Publishes {@code to} (never lower than before) and wakes the waiters. */
    void advance(long to) {
        index = to;
        signal();
    }

    /** No further advance will come: every waiter returns now. */
    void stop() {
        stopped = true;
        signal();
    }

    private void signal() {
        if (waiting.get() > 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Waits until the index reaches {@code target}; false on timeout, stop or interrupt. */
    boolean await(long target, Duration timeout) {
        if (index >= target) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            synchronized (monitor) {
                while (index < target && !stopped) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
                return index >= target;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
