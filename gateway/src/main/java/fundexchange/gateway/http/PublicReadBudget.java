package fundexchange.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The rate bound of the unsigned public market-data reads (issue 23; docs/operations.md): a token bucket per remote
 * address ({@code perAddress} reads a second, a burst of {@code burstSeconds} seconds' worth), so one client over its
 * bound is refused without denying the others, and one shared bucket of {@code total} reads a second, with a burst of
 * {@code totalBurstSeconds} seconds' worth, as a backstop against many addresses. At most {@code maxAddresses}
 * addresses are remembered, least recently used forgotten first (a forgotten address starts again with a full bucket;
 * the shared bucket still bounds it). It never slows the signed reads. Time is the system's monotonic clock, never the
 * journal's: this bounds load, it decides nothing.
 */
final class PublicReadBudget {
    /** Reads a second, and the burst, of one address under {@link #standard()}. */
    static final int DEFAULT_PER_ADDRESS = 20;
    /** Reads a second, and the burst, of all addresses together under {@link #standard()}. */
    static final int DEFAULT_TOTAL = 2_000;
    /** Addresses {@link #standard()} remembers. */
    static final int DEFAULT_MAX_ADDRESSES = 10_000;
    /**
     * Seconds of reads one address's full bucket holds under {@link #standard()}: a page's burst of reads (and its
     * retries when a snapshot changes underneath) passes, and a client that keeps reading is held to the rate.
     */
    static final int DEFAULT_BURST_SECONDS = 10;
    /**
     * Seconds of reads the shared bucket holds under {@link #standard()}: one. Ten seconds' worth would let a hundred
     * addresses, each within its own burst of 200, send 20,000 reads at one instant: ten seconds of the backstop's rate
     * at once, more than the gateway answers of any request in ten seconds of its load benchmark (under 2,000 a second,
     * docs/performance.md), so the signed requests would queue behind them. One second's worth (2,000) bounds an
     * instant's load to the rate itself; the per-address bursts still let a page's reads through.
     */
    static final int DEFAULT_TOTAL_BURST_SECONDS = 1;
    private static final long SECOND = 1_000_000_000L;
    private final int perAddress;
    private final int total;
    private final LongSupplier nanos;
    private final long addressCapacityNanos;
    private final Bucket shared;
    private final Map<String, Bucket> addresses;

    /** A budget whose buckets hold one second's worth of reads. */
    PublicReadBudget(int perAddress, int total, int maxAddresses, LongSupplier nanos) {
        this(perAddress, total, maxAddresses, 1, 1, nanos);
    }

    PublicReadBudget(int perAddress, int total, int maxAddresses, int burstSeconds, int totalBurstSeconds,
                     LongSupplier nanos) {
        if (perAddress < 1 || total < 1 || maxAddresses < 1 || !burst(burstSeconds) || !burst(totalBurstSeconds)) {
            throw new IllegalArgumentException("a public read budget needs at least one read a second, one address and"
                    + " bursts of 1 to 3600 seconds");
        }
        this.perAddress = perAddress;
        this.total = total;
        this.nanos = nanos;
        this.addressCapacityNanos = burstSeconds * SECOND;
        this.shared = new Bucket(totalBurstSeconds * SECOND, nanos.getAsLong());
        this.addresses = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    private static boolean burst(int seconds) {
        return seconds >= 1 && seconds <= 3_600;
    }

    /** A gateway's budget on the monotonic clock. */
    static PublicReadBudget standard() {
        return new PublicReadBudget(DEFAULT_PER_ADDRESS, DEFAULT_TOTAL, DEFAULT_MAX_ADDRESSES, DEFAULT_BURST_SECONDS,
                DEFAULT_TOTAL_BURST_SECONDS, System::nanoTime);
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
        Bucket own = addresses.computeIfAbsent(address, a -> new Bucket(addressCapacityNanos, now));
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

    /** A bucket holding up to {@code capacityNanos} of reads (its burst), as nanoseconds of refill; it starts full. */
    private static final class Bucket {
        private final long capacityNanos;
        private long tokensNanos;
        private long last;

        Bucket(long capacityNanos, long now) {
            this.capacityNanos = capacityNanos;
            this.tokensNanos = capacityNanos;
            this.last = now;
        }

        void refill(long now) {
            tokensNanos = Math.min(capacityNanos, tokensNanos + Math.max(0, now - last));
            last = now;
        }
    }
}
