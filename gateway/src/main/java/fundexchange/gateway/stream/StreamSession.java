package fundexchange.gateway.stream;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One open stream: whose it is, which feed it reads, and the signals other threads give its own thread. Signals never
 * block: the view's thread, the heartbeat timer and the hub only release a permit (or interrupt a stuck write).
 */
public final class StreamSession {
    /** Why the server ends a stream: an error code of the API and its message (docs/api.md, Live stream). */
    public record Closing(int status, int code, String message) {
    }

    private static final long NOT_WRITING = -1;
    private final String participantId;
    private final String keyId;
    private final String viewer;
    private final Thread thread;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean heartbeatDue = new AtomicBoolean();
    private final AtomicReference<Closing> closing = new AtomicReference<>();
    private volatile long writingSinceTick = NOT_WRITING;
    private volatile boolean cutOff;
    /** Guards {@code finished} against a concurrent cut-off, so no interrupt reaches the thread after it finished. */
    private final java.util.concurrent.locks.ReentrantLock ending = new java.util.concurrent.locks.ReentrantLock();
    private boolean finished;

    StreamSession(String participantId, String keyId, String viewer, Thread thread) {
        this.participantId = participantId;
        this.keyId = keyId;
        this.viewer = viewer;
        this.thread = thread;
    }

    public String participantId() {
        return participantId;
    }

    /** The key that signed the stream's request; the stream ends when it is revoked. */
    public String keyId() {
        return keyId;
    }

    /** The feed the stream reads: the participant's, or every document for staff and regulators. */
    public String viewer() {
        return viewer;
    }

    /** Something may have changed: new entries, the key's standing, the gateway's state. */
    void signal() {
        wake.release();
    }

    void heartbeat() {
        heartbeatDue.set(true);
        signal();
    }

    /** Asks the stream to end with {@code reason} (the first reason given wins). */
    void close(Closing reason) {
        closing.compareAndSet(null, reason);
        signal();
    }

    /** Whether a signal is waiting to be taken by {@link #await()}. */
    boolean signalled() {
        return wake.availablePermits() > 0;
    }

    /** Waits for the next signal, then takes every signal given meanwhile. */
    public void await() throws InterruptedException {
        wake.acquire();
        wake.drainPermits();
    }

    /** True once per heartbeat tick. */
    public boolean takeHeartbeat() {
        return heartbeatDue.getAndSet(false);
    }

    public Optional<Closing> closing() {
        return Optional.ofNullable(closing.get());
    }

    /** The stream's thread starts a write at heartbeat tick {@code tick}. */
    public void writing(long tick) {
        writingSinceTick = tick;
    }

    /** The stream's thread finished its write. */
    public void written() {
        writingSinceTick = NOT_WRITING;
    }

    /**
     * At heartbeat tick {@code tick}: a write begun two ticks ago or earlier is still blocked (the client reads
     * nothing and the socket's buffers are full), so the stream's thread is interrupted, which closes its connection.
     */
    boolean cutOffIfStuck(long tick) {
        long since = writingSinceTick;
        if (since == NOT_WRITING || tick - since < 2) {
            return false;
        }
        ending.lock();
        try {
            if (cutOff || finished) {
                return false;
            }
            cutOff = true;
            thread.interrupt();
            return true;
        } finally {
            ending.unlock();
        }
    }

    /**
     * The stream's own thread is done with the stream: no cut-off interrupts it from now on, and an interrupt already
     * given is cleared, so it never reaches the next request the thread (a connection's, kept alive) serves.
     */
    public void finish() {
        ending.lock();
        try {
            finished = true;
        } finally {
            ending.unlock();
        }
        if (Thread.currentThread() == thread) {
            Thread.interrupted();
        }
    }

    /** Whether the hub cut this stream off as a slow reader. */
    public boolean wasCutOff() {
        return cutOff;
    }
}
