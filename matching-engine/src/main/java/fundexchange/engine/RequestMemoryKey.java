package fundexchange.engine;

/**
 * The node's secret 128-bit key for placing ids in the idempotency memory's tables (issue 13: no hash flooding). Each
 * generation places its ids under its own key, derived from this one and the generation's start, with
 * {@link SipHash}. The key decides only where an id sits in a table: it never reaches an event, the state hash or a
 * snapshot, so every node may (and should) hold a different one. The runner draws it from {@code SecureRandom} at
 * every start (the engine itself never draws anything); tests and offline tools may use {@link #FIXED}.
 */
public record RequestMemoryKey(long k0, long k1) {
    /** A public key: for tests and for tools that replay a journal offline, never for an engine facing the network. */
    public static final RequestMemoryKey FIXED = new RequestMemoryKey(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

    /** The first half of the key of the generation starting at {@code start}. */
    long generationK0(long start) {
        return SipHash.hash(k0, k1, start, 0);
    }

    /** The second half of the key of the generation starting at {@code start}. */
    long generationK1(long start) {
        return SipHash.hash(k0, k1, start, 1);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "RequestMemoryKey[secret]";
    }
}
