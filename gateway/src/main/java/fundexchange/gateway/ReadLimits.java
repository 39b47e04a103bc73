package fundexchange.gateway;

/**
 * Bounds of the read path (docs/operations.md, Configuration).
 *
 * @param minIndexWaiters       how many reads may wait for a {@code minIndex} at once per source (the gateway view, the
 *                              registry, the audit index); one more is refused at once with 503 code 135
 *                              (default {@value #DEFAULT_MIN_INDEX_WAITERS})
 * @param readNonces            how many read nonces the gateway remembers within the timestamp window; when they are all
 *                              still inside it, a new read is refused with 503 code 136 rather than one forgotten early
 *                              (default {@value #DEFAULT_READ_NONCES})
 * @param minIndexWaitersPerParticipant how many reads of one participant may wait for a {@code minIndex} at once, over
 *                              every source; one more is refused at once with 429 code 138
 *                              (default {@value #DEFAULT_MIN_INDEX_WAITERS_PER_PARTICIPANT})
 * @param readNonceShareBp      the share of {@code readNonces}, in basis points, one participant's nonces may hold; one
 *                              more of that participant's is refused with 429 code 137, nobody else's
 *                              (default {@value #DEFAULT_READ_NONCE_SHARE_BP})
 * @param readNonceReserveBp    the share of {@code readNonces}, in basis points, kept for ACTIVE STAFF and REGULATOR
 *                              participants: the others together hold at most the rest
 *                              (default {@value #DEFAULT_READ_NONCE_RESERVE_BP})
 */
public record ReadLimits(int minIndexWaiters, int readNonces, int minIndexWaitersPerParticipant, int readNonceShareBp,
                         int readNonceReserveBp) {
    public static final int DEFAULT_MIN_INDEX_WAITERS = 256;
    public static final int DEFAULT_READ_NONCES = 262_144;
    public static final int DEFAULT_MIN_INDEX_WAITERS_PER_PARTICIPANT = 8;
    public static final int DEFAULT_READ_NONCE_SHARE_BP = 1_000;
    public static final int DEFAULT_READ_NONCE_RESERVE_BP = 1_000;
    /** The most read nonces a gateway may be configured to remember (its table takes 40 bytes per nonce). */
    public static final int MAX_READ_NONCES = 1 << 24;
    public static final ReadLimits DEFAULTS = new ReadLimits(DEFAULT_MIN_INDEX_WAITERS, DEFAULT_READ_NONCES);

    public ReadLimits {
        if (minIndexWaiters < 1 || minIndexWaiters > 100_000) {
            throw new IllegalArgumentException("gateway: min-index-waiters must be 1-100000, got " + minIndexWaiters);
        }
        if (readNonces < 1 || readNonces > MAX_READ_NONCES) {
            throw new IllegalArgumentException("gateway: read-nonces must be 1-" + MAX_READ_NONCES + ", got " + readNonces);
        }
        if (minIndexWaitersPerParticipant < 1 || minIndexWaitersPerParticipant > 100_000) {
            throw new IllegalArgumentException("gateway: min-index-waiters-per-participant must be 1-100000, got "
                    + minIndexWaitersPerParticipant);
        }
        if (readNonceShareBp < 1 || readNonceShareBp > 10_000) {
            throw new IllegalArgumentException("gateway: read-nonce-share-bp must be 1-10000, got " + readNonceShareBp);
        }
        if (readNonceReserveBp < 0 || readNonceReserveBp > 9_999) {
            throw new IllegalArgumentException("gateway: read-nonce-reserve-bp must be 0-9999, got " + readNonceReserveBp);
        }
    }

    /** The given caps with the default per-participant share of each. */
    public ReadLimits(int minIndexWaiters, int readNonces) {
        this(minIndexWaiters, readNonces, DEFAULT_MIN_INDEX_WAITERS_PER_PARTICIPANT, DEFAULT_READ_NONCE_SHARE_BP, DEFAULT_READ_NONCE_RESERVE_BP);
    }

    /** The most nonces one participant may hold: its share of {@code readNonces}, at least one. */
    public int readNoncesPerParticipant() {
        return (int) Math.max(1, (long) readNonces * readNonceShareBp / 10_000);
    }

    /** The most nonces the participants without a reserved place (not ACTIVE STAFF or REGULATOR) hold together. */
    public int readNoncesUnreserved() {
        return (int) Math.max(1, readNonces - (long) readNonces * readNonceReserveBp / 10_000);
    }
}
