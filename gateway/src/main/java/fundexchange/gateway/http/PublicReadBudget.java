package fundexchange.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The rate bound of the unsigned public market-data reads (issue 23; docs/operations.md): a token bucket per remote
 * address ({@code perAddress} reads a second, a burst of {@code burstSeconds} seconds' worth), so one client over its bound is refused without
 * denying the others, and one shared bucket of {@code total} reads a second as a backstop against many addresses. At
 * most {@code maxAddresses} addresses are remembered, least recently used forgotten first (a forgotten address starts
 * again with a full bucket; the shared bucket still bounds it). It never slows the signed reads. Time is the system's
 * monotonic clock, never the journal's: this bounds load, it decides nothing.
 */
final class PublicReadBudget {
    /** Reads a second, and the burst, of one address under {@link #standard()}. */
    static final int DEFAULT_PER_ADDRESS = 20;
    /** Reads a second, and the burst, of all addresses together under {@link #standard()}. */
    static final int DEFAULT_TOTAL = 2_000;
    /** Addresses {@link #standard()} remembers. */
    static final int DEFAULT_MAX_ADDRESSES = 10_000;
    /**
     * Seconds of reads a full bucket holds under {@link #standard()}: a page's burst of reads (and its retries when a
     * snapshot changes underneath) passes, and a client that keeps reading is held to the rate.
     */
    static final int DEFAULT_BURST_SECONDS = 10;
    private static final long SECOND = 1_000_000_000L;
    private final int perAddress;
    private final int total;
    private final LongSupplier nanos;
    private final long capacityNanos;
    private final Bucket shared;
    private final Map<String, Bucket> addresses;

    /** A budget whose buckets hold one second's worth of reads. */
    PublicReadBudget(int perAddress, int total, int maxAddresses, LongSupplier nanos) {
        this(perAddress, total, maxAddresses, 1, nanos);
    }

    PublicReadBudget(int perAddress, int total, int maxAddresses, int burstSeconds, LongSupplier nanos) {
        if (perAddress < 1 || total < 1 || maxAddresses < 1 || burstSeconds < 1 || burstSeconds > 3_600) {
            throw new IllegalArgumentException("a public read budget needs at least one read a second, one address and"
                    + " a burst of 1 to 3600 seconds");
        }
        this.perAddress = perAddress;
        this.total = total;
        this.nanos = nanos;
        this.capacityNanos = burstSeconds * SECOND;
        this.shared = new Bucket(nanos.getAsLong());
        this.addresses = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** A gateway's budget on the monotonic clock. */
    static PublicReadBudget standard() {
        return new PublicReadBudget(DEFAULT_PER_ADDRESS, DEFAULT_TOTAL, DEFAULT_MAX_ADDRESSES, DEFAULT_BURST_SECONDS,
                System::nanoTime);
    }

    int perAddress() {
        return perAddress;
    }

    int total() {
        return total;
    }

    /** Addresses remembered now (at most the bound). */
    synchronized int addresses() {
        return addresses.size();
    }

    /**
     * Takes one read from {@code address}'s bucket and the shared one; false, taking nothing, when either is empty (the
     * caller answers 503, code 110).
     */
    synchronized boolean tryAcquire(String address) {
        long now = nanos.getAsLong();
        Bucket own = addresses.computeIfAbsent(address, a -> new Bucket(now));
        long ownCost = SECOND / perAddress;
        long sharedCost = SECOND / total;
        own.refill(now);
        shared.refill(now);
        if (own.tokensNanos < ownCost || shared.tokensNanos < sharedCost) {
            return false;
        }
        own.tokensNanos -= ownCost;
        shared.tokensNanos -= sharedCost;
        return true;
    }

    /** A bucket holding up to the burst's seconds of reads, as nanoseconds of refill; it starts full. */
    private final class Bucket {
        private long tokensNanos = capacityNanos;
        private long last;

        Bucket(long now) {
            this.last = now;
        }

        void refill(long now) {
            tokensNanos = Math.min(capacityNanos, tokensNanos + Math.max(0, now - last));
            last = now;
        }
    }
}
