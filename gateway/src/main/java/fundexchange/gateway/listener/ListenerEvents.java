package fundexchange.gateway.listener;

import java.util.concurrent.atomic.AtomicLong;

/** What a listener did to slow or greedy clients since it started (metrics, logs and tests read it). */
public final class ListenerEvents {
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong idleClosed = new AtomicLong();
    private final AtomicLong requestTimeouts = new AtomicLong();
    private final AtomicLong writeTimeouts = new AtomicLong();

    /** Connections refused (429, code 131) because their address held {@code maxPerAddress} already. */
    public long refused() {
        return refused.get();
    }

    /** Connections closed after the idle timeout without a request. */
    public long idleClosed() {
        return idleClosed.get();
    }

    /** Requests whose head or body did not arrive in time (408, code 130). */
    public long requestTimeouts() {
        return requestTimeouts.get();
    }

    /** Connections closed because a write to the client did not complete in time. */
    public long writeTimeouts() {
        return writeTimeouts.get();
    }

    void countRefused() {
        refused.incrementAndGet();
    }

    void countIdleClosed() {
        idleClosed.incrementAndGet();
    }

    void countRequestTimeout() {
        requestTimeouts.incrementAndGet();
    }

    void countWriteTimeout() {
        writeTimeouts.incrementAndGet();
    }

    @Override
    public String toString() {
        return "refused " + refused() + ", idle " + idleClosed() + ", request timeouts " + requestTimeouts()
                + ", write timeouts " + writeTimeouts();
    }
}
