package fundexchange.protocol.wire;

import java.util.Arrays;
import java.util.Set;

/**
 * A bounded intern cache, one per decoder (so confined to its thread), for the few fields whose values repeat
 * (participants, keys, funds, currencies): a hit returns the cached {@code String} and allocates nothing. Values that
 * are unique per command ({@code clientRequestId}, {@code path}, signatures) are never cached.
 */
public final class WireStrings {
    /** The component names whose strings are interned, in any record. */
    public static final Set<String> INTERNED = Set.of("participant", "keyId", "algorithm", "method", "scheme", "fundCode",
            "holder", "buyer", "seller", "owner", "investor", "bidder", "currency", "manager");
    static final int SLOTS = 4096;
    /** Longer values are not worth a slot. */
    static final int MAX_LENGTH = 64;

    private final byte[][] keys = new byte[SLOTS][];
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
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
            return values[slot];
        }
        String value = Wtf8.decode(bytes, offset, length);
        keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
        values[slot] = value;
        return value;
    }
}
