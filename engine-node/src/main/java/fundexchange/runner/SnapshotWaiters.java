package fundexchange.runner;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Who waits on the snapshotter, and what its jobs came to ({@link SnapshotStatus}): waiters for a snapshot written at
 * or after an index (a request, or a wait for a periodic one) and waiters for a job covering an index to end, written
 * or failed. Any thread adds a waiter; the snapshotter's thread answers them as its jobs end. A waiter is added before
 * anything is checked, so a job ending meanwhile answers it, or the check does; an answer completes a future once.
 */
final class SnapshotWaiters {
    private record Waiter(long index, CompletableFuture<Long> answer) {
    }

    /** Waiting for a snapshot written at or after their index. */
    private final ConcurrentLinkedQueue<Waiter> written = new ConcurrentLinkedQueue<>();
    /** Waiting for a job covering their index to end, written or failed. */
    private final ConcurrentLinkedQueue<Waiter> settles = new ConcurrentLinkedQueue<>();
    private volatile SnapshotStatus status = SnapshotStatus.NONE;
    /** The highest index a job ended at (written or failed), or the snapshot restored at start. */
    private volatile long settled;

    SnapshotStatus status() {
        return status;
    }

    /** A waiter for a snapshot written at or after {@code index}, answered by a job only. */
    CompletableFuture<Long> request(long index) {
        Waiter waiter = new Waiter(index, new CompletableFuture<>());
        written.add(waiter);
        return waiter.answer();
    }

    /** As {@link #request}, answered at once if the newest snapshot written already covers {@code index}. */
    CompletableFuture<Long> written(long index) {
        Waiter waiter = new Waiter(index, new CompletableFuture<>());
        written.add(waiter);
        long newest = status.lastWrittenIndex();
        if (newest >= index && written.remove(waiter)) {
            waiter.answer().complete(newest);
        }
        return waiter.answer();
    }

    /** A waiter for a job covering {@code index} to end, answered at once if one has (or a restored snapshot covers it). */
    CompletableFuture<Long> settled(long index) {
        Waiter waiter = new Waiter(index, new CompletableFuture<>());
        settles.add(waiter);
        long reached = settled;
        if (reached >= index && settles.remove(waiter)) {
            waiter.answer().complete(reached);
        }
        return waiter.answer();
    }

    /** The engine restored the snapshot at {@code index} at start: it counts as the newest written (before any job). */
    void restored(long index) {
        status = status.written(index);
        settled = Math.max(settled, index);
    }

    /** A job wrote the snapshot at {@code index} (or one already covered it): its waiters are answered with it. */
    void succeeded(long index) {
        status = status.written(index);
        complete(written, index);
        settle(index);
    }

    /** A job covering {@code index} failed: counted, and its waiters fail with {@code failure}. */
    void failed(long index, SnapshotFailed failure) {
        status = status.failed(index);
        for (Iterator<Waiter> it = written.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.index() <= index) {
                it.remove();
                waiter.answer().completeExceptionally(failure);
            }
        }
        settle(index);
    }

    /** The snapshotter halted in the job at {@code index}: counted as a failure there. */
    void halted(long index) {
        status = status.failed(index);
    }

    /** Every waiter fails with {@code failure} (the snapshotter closed or halted). */
    void failAll(SnapshotFailed failure) {
        for (ConcurrentLinkedQueue<Waiter> waiting : List.of(written, settles)) {
            Waiter waiter;
            while ((waiter = waiting.poll()) != null) {
                waiter.answer().completeExceptionally(failure);
            }
        }
    }

    /** Last of a job's ending, once its requests are answered: tells those stepping with the snapshotter. */
    private void settle(long index) {
        settled = Math.max(settled, index);
        complete(settles, index);
    }

    private static void complete(ConcurrentLinkedQueue<Waiter> waiting, long index) {
        for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.index() <= index) {
                it.remove();
                waiter.answer().complete(index);
            }
        }
    }
}
