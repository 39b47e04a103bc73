package fundexchange.gateway.http;

import java.util.function.LongSupplier;

/**
 * The rate bound of the unsigned public market-data reads (issue 23; docs/operations.md): a token bucket of
 * {@code perSecond} reads a second with a burst of as many, shared by every caller (they carry no identity; the
 * listener's per-address connection cap bounds one address). It never slows the signed reads. Time is the system's
 * monotonic clock, never the journal's: this bounds load, it decides nothing.
 */
final class PublicReadBudget {
    /** Reads a second, and the burst, of {@link #standard()}. */
    static final int DEFAULT_PER_SECOND = 500;
    private static final long SECOND = 1_000_000_000L;
    private final int perSecond;
    private final LongSupplier nanos;
    private long tokensNanos;
    private long last;

    PublicReadBudget(int perSecond, LongSupplier nanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a public read budget needs at least one read a second");
        }
        this.perSecond = perSecond;
        this.nanos = nanos;
        this.last = nanos.getAsLong();
        this.tokensNanos = SECOND;
    }

    /** A gateway's budget: {@value #DEFAULT_PER_SECOND} reads a second on the monotonic clock. */
    static PublicReadBudget standard() {
        return new PublicReadBudget(DEFAULT_PER_SECOND, System::nanoTime);
    }

    int perSecond() {
        return perSecond;
    }

    /** Takes one read from the bucket; false when it is empty (the caller answers 503, code 110). */
    synchronized boolean tryAcquire() {
        long now = nanos.getAsLong();
        tokensNanos = Math.min(SECOND, tokensNanos + Math.max(0, now - last));
        last = now;
        long cost = SECOND / perSecond;
        if (tokensNanos < cost) {
            return false;
        }
        tokensNanos -= cost;
        return true;
    }
}
