package fundexchange.gateway.listener;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One connection's writes against the write timeout: a write (16 KiB at most) still blocked after it, because the
 * client stopped reading and its receive window is full, closes the socket, which ends the blocked write.
 */
final class WriteWatch {
    private static final long NOT_WRITING = Long.MIN_VALUE;

    private final SocketChannel channel;
    private final WriteTimeouts timeouts;
    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private final ListenerEvents events;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long writingSince = NOT_WRITING;

    WriteWatch(SocketChannel channel, WriteTimeouts timeouts, ConnectionLimits limits, LongSupplier nanoTime,
               ListenerEvents events) {
        this.channel = channel;
        this.timeouts = timeouts;
        this.timeoutNanos = limits.writeTimeout().toNanos();
        this.nanoTime = nanoTime;
        this.events = events;
    }

    void begin() {
        writingSince = nanoTime.getAsLong();
        if (!scheduled.getAndSet(true)) {
            timeouts.schedule(this::check, timeoutNanos);
        }
    }

    void end() {
        writingSince = NOT_WRITING;
    }

    private void check() {
        long since = writingSince;
        if (since == NOT_WRITING) {
            scheduled.set(false);
            // a write that began since the read above may have seen the flag still set: watch it from here
            if (writingSince != NOT_WRITING && !scheduled.getAndSet(true)) {
                timeouts.schedule(this::check, timeoutNanos);
            }
            return;
        }
        long left = since + timeoutNanos - nanoTime.getAsLong();
        if (left > 0) {
            timeouts.schedule(this::check, left);
            return;
        }
        events.countWriteTimeout();
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }
}
