package fundexchange.gateway.listener;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that watches every connection's writes (a delay queue: at most one entry per connection, and only
 * while it writes or wrote recently). No thread per connection waits for a timeout.
 */
final class WriteTimeouts implements AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gateway-write-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code check} after {@code delayNanos}; nothing once closed. */
    void schedule(Runnable check, long delayNanos) {
        try {
            scheduler.schedule(check, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the listener stopped: its connections are closing anyway
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
