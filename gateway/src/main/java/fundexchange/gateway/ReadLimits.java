package fundexchange.gateway;

/**
 * Bounds of the read path (docs/operations.md, Configuration).
 *
 * @param minIndexWaiters how many reads may wait for a {@code minIndex} at once per source (the gateway view, the
 *                        registry, the audit index); one more is refused at once with 503 code 135
 *                        (default {@value #DEFAULT_MIN_INDEX_WAITERS})
 * @param readNonces      how many read nonces the gateway remembers within the timestamp window; when they are all
 *                        still inside it, a new read is refused with 503 code 136 rather than one forgotten early
 *                        (default {@value #DEFAULT_READ_NONCES})
 */
public record ReadLimits(int minIndexWaiters, int readNonces) {
    public static final int DEFAULT_MIN_INDEX_WAITERS = 256;
    public static final int DEFAULT_READ_NONCES = 262_144;
    /** The most read nonces a gateway may be configured to remember (its table takes 32 bytes per nonce). */
    public static final int MAX_READ_NONCES = 1 << 24;
    public static final ReadLimits DEFAULTS = new ReadLimits(DEFAULT_MIN_INDEX_WAITERS, DEFAULT_READ_NONCES);

    public ReadLimits {
        if (minIndexWaiters < 1 || minIndexWaiters > 100_000) {
            throw new IllegalArgumentException("gateway: min-index-waiters must be 1-100000, got " + minIndexWaiters);
        }
        if (readNonces < 1 || readNonces > MAX_READ_NONCES) {
            throw new IllegalArgumentException("gateway: read-nonces must be 1-" + MAX_READ_NONCES + ", got " + readNonces);
        }
    }
}
