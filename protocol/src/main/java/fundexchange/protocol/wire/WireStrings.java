package fundexchange.protocol.wire;

import java.util.Set;

/**
 * A bounded intern cache for the few fields whose values repeat (participants, keys, funds, currencies): a hit
 * returns the cached {@code String} and allocates nothing. Values that are unique per command ({@code
 * clientRequestId}, {@code path}, signatures) are never cached.
 *
 * <p>Not thread-safe: one per thread (each decoder and {@link CommandRecordView} owns one). A hit compares the cached
 * {@code String} itself with the bytes ({@link Wtf8#equals}), with no separate key, so a cache shared by mistake can
 * at worst miss, never return a string of other bytes. It is direct-mapped: two values that share a slot evict each
 * other, so alternating between them allocates on every read.
 */
public final class WireStrings {
    /** The component names whose strings are interned, in any record. */
    public static final Set<String> INTERNED = Set.of("participant", "keyId", "algorithm", "method", "scheme", "fundCode",
            "holder", "buyer", "seller", "owner", "investor", "bidder", "currency", "manager");
    static final int SLOTS = 4096;
    /** Longer values are not worth a slot. */
    static final int MAX_LENGTH = 64;

    private final String[] values = new String[SLOTS];

    /** The string of the WTF-8 bytes at {@code offset}, from the cache when they were seen last in their slot. */
    public String intern(byte[] bytes, int offset, int length) {
        if (length > MAX_LENGTH) {
            return Wtf8.decode(bytes, offset, length);
        }
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
        String cached = values[slot];
        if (cached != null && Wtf8.equals(cached, bytes, offset, length)) {
            return cached;
        }
        String value = Wtf8.decode(bytes, offset, length);
        values[slot] = value;
        return value;
    }
}
