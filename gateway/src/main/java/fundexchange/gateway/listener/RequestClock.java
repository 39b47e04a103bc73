package fundexchange.gateway.listener;

import java.util.function.LongSupplier;

/**
 * How long a connection's next read may wait (docs/operations.md, "Connections"). Between requests the idle timeout
 * runs from when the connection starts waiting; a request's head and body must arrive within the request read timeout
 * of its first byte; no single read waits longer than the read timeout. Read by its connection's own thread; an answer
 * sent from another thread (an asynchronous handler) is seen through the volatile fields.
 */
final class RequestClock {
    /** What the connection waits for. */
    enum Phase {
        /** The first byte of a request (the idle timeout runs). */
        BETWEEN_REQUESTS,
        /** The rest of a request's head. */
        HEAD,
        /** A request's body, or its answer. */
        BODY
    }

    private static final long MILLI = 1_000_000;

    private final long idleNanos;
    private final long requestNanos;
    private final long readNanos;
    private final LongSupplier nanoTime;
    private volatile Phase phase = Phase.BETWEEN_REQUESTS;
    private volatile boolean idleClockRunning;
    private volatile long since;

    RequestClock(ConnectionLimits limits, LongSupplier nanoTime) {
        this.idleNanos = limits.idleTimeout().toNanos();
        this.requestNanos = limits.requestReadTimeout().toNanos();
        this.readNanos = limits.readTimeout().toNanos();
        this.nanoTime = nanoTime;
    }

    /** Milliseconds the next read may wait (at least 1), or 0 when its deadline has passed. */
    int nextReadMillis() {
        long now = nanoTime.getAsLong();
        if (phase == Phase.BETWEEN_REQUESTS && !idleClockRunning) {
            idleClockRunning = true;
            since = now;
        }
        long remaining = since + (phase == Phase.BETWEEN_REQUESTS ? idleNanos : requestNanos) - now;
        if (remaining <= 0) {
            return 0;
        }
        return (int) Math.ceilDiv(Math.min(remaining, readNanos), MILLI);
    }

    /** Bytes arrived: between requests, they are a request's first. */
    void received() {
        start(Phase.HEAD);
    }

    /** A request line was read (from bytes that may have arrived with the previous request). */
    void prologue() {
        start(Phase.HEAD);
    }

    /** A request's head is complete: its body (if any) is still bound by the same deadline. */
    void headComplete() {
        start(Phase.BODY);
        phase = Phase.BODY;
    }

    /** The answer to the request started: the connection waits for the next one. */
    void answered() {
        phase = Phase.BETWEEN_REQUESTS;
        idleClockRunning = false;
    }

    Phase phase() {
        return phase;
    }

    private void start(Phase next) {
        if (phase == Phase.BETWEEN_REQUESTS) {
            phase = next;
            since = nanoTime.getAsLong();
        }
    }
}
