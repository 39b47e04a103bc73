package fundexchange.gateway.auth;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The nonces ({@code participant, X-Client-Request-Id}) of requests that are not journaled, each kept until its
 * request's timestamp leaves the window (a later replay is refused by the window itself). Bounded: at most
 * {@code capacity} nonces, in an open-addressing table of at least twice as many slots, allocated at start (two
 * {@code long}s a slot: 32 bytes per nonce of capacity). A nonce is stored as its keyed 64-bit hash ({@link KeyedHash},
 * secret per start), so nobody can aim ids at one probe chain; two ids of equal hash (chance about n in 2^64) make
 * the second one refused as replayed, and its client resends with a fresh nonce. When the table holds
 * {@code capacity} nonces it drops those whose window has passed, all in one sweep made at most every
 * {@value #MIN_SWEEP_INTERVAL_MS} ms; if none has, a new nonce is refused ({@link Use#FULL}) rather than an unexpired
 * one forgotten early.
 *
 * <p>Shared fairly: one participant's nonces hold at most {@code share} places (beyond it only that participant is
 * refused, {@link Use#SHARE_FULL}), and the nonces of callers without a reserved place hold at most
 * {@code unreserved} together, so the rest stays free for ACTIVE STAFF and REGULATOR callers (a flood of reads from
 * other participants never stops staff acknowledging a clock alarm). Each slot also records its owner (four bytes:
 * 40 bytes per nonce of capacity); owners are the participants whose signature verified, so their number is bounded
 * by the registry.
 */
final class NonceMemory {
    /** What became of a nonce. */
    enum Use {
        /** Recorded: the request may go on. */
        FIRST,
        /** Seen within its window: a replay. */
        REPEATED,
        /** No room for the caller's class (every caller, or every caller without a reserved place). */
        FULL,
        /** The participant holds its share already. */
        SHARE_FULL
    }

    /** The least time between two sweeps, so a memory kept full costs a sweep per this interval at most. */
    static final long MIN_SWEEP_INTERVAL_MS = 100;
    /** The most nonces a memory may hold (its table then takes 512 MiB). */
    static final int MAX_CAPACITY = 1 << 24;
    private static final long EMPTY = 0;

    private final ReentrantLock lock = new ReentrantLock();
    private final KeyedHash hash;
    private final int capacity;
    private final int mask;
    private final long[] hashes;
    private final long[] expiries;
    /** Per slot: the owner's number shifted left once, plus one if the nonce counts against {@code unreserved}. */
    private final int[] owners;
    private final int share;
    private final int unreserved;
    private final java.util.Map<String, Integer> ownerNumbers = new java.util.HashMap<>();
    private int[] held = new int[16];
    private int used;
    private int usedUnreserved;
    /** No stored nonce expires before this. */
    private long earliestExpiry = Long.MAX_VALUE;
    private long lastSweep = Long.MIN_VALUE / 2;

    /** A memory of {@code capacity} nonces with no share and nothing reserved (every nonce may be anyone's). */
    NonceMemory(int capacity, KeyedHash hash) {
        this(capacity, capacity, capacity, hash);
    }

    /**
     * A memory of {@code capacity} nonces, at most {@code share} of one participant, at most {@code unreserved} of
     * callers without a reserved place together.
     */
    NonceMemory(int capacity, int share, int unreserved, KeyedHash hash) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("nonce capacity must be 1-" + MAX_CAPACITY + ": " + capacity);
        }
        if (share < 1 || share > capacity || unreserved < 1 || unreserved > capacity) {
            throw new IllegalArgumentException("nonce share and unreserved room must be 1-" + capacity + ": " + share
                    + ", " + unreserved);
        }
        this.capacity = capacity;
        this.share = share;
        this.unreserved = unreserved;
        this.hash = hash;
        int slots = Integer.highestOneBit(2 * capacity - 1) << 1;
        this.mask = slots - 1;
        this.hashes = new long[slots];
        this.expiries = new long[slots];
        this.owners = new int[slots];
    }

    /** As {@link #use(String, String, long, long, boolean)} for a caller without a reserved place. */
    Use use(String participant, String nonce, long keepUntil, long now) {
        return use(participant, nonce, keepUntil, now, false);
    }

    /**
     * Records {@code participant}'s nonce until {@code keepUntil} (inclusive), judging expiry at {@code now};
     * {@code reserved} when the caller may use the room kept for ACTIVE STAFF and REGULATOR.
     */
    Use use(String participant, String nonce, long keepUntil, long now, boolean reserved) {
        long h = hash.hash(participant, nonce);
        long key = h == EMPTY ? 1 : h;
        lock.lock();
        try {
            int owner = ownerNumber(participant);
            int slot = probe(key);
            if (hashes[slot] == key) {
                if (expiries[slot] >= now) {
                    return Use.REPEATED;
                }
                release(owners[slot]);
                used--;
                remove(slot);
                slot = probe(key);
            }
            if (!room(owner, reserved)) {
                if (earliestExpiry < now && now - lastSweep >= MIN_SWEEP_INTERVAL_MS) {
                    sweep(now);
                    slot = probe(key);
                }
                if (held[owner] >= share && share < capacity) { // (a share of the whole memory is no share)
                    return Use.SHARE_FULL;
                }
                if (!room(owner, reserved)) {
                    return Use.FULL;
                }
            }
            used++;
            held[owner]++;
            if (!reserved) {
                usedUnreserved++;
            }
            owners[slot] = owner << 1 | (reserved ? 0 : 1);
            store(slot, key, keepUntil);
            return Use.FIRST;
        } finally {
            lock.unlock();
        }
    }

    private boolean room(int owner, boolean reserved) {
        return held[owner] < share && used < capacity && (reserved || usedUnreserved < unreserved);
    }

    private int ownerNumber(String participant) {
        Integer known = ownerNumbers.get(participant);
        if (known != null) {
            return known;
        }
        int number = ownerNumbers.size();
        ownerNumbers.put(participant, number);
        if (number == held.length) {
            held = java.util.Arrays.copyOf(held, 2 * held.length);
        }
        return number;
    }

    private void release(int ownerBits) {
        held[ownerBits >>> 1]--;
        if ((ownerBits & 1) != 0) {
            usedUnreserved--;
        }
    }

    /** Nonces held now, expired ones not yet swept included. */
    int size() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** The slot holding {@code key}, or the empty slot that ends its probe chain. */
    private int probe(long key) {
        int slot = home(key);
        while (hashes[slot] != EMPTY && hashes[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int home(long key) {
        return (int) (key ^ key >>> 32) & mask;
    }

    private void store(int slot, long key, long keepUntil) {
        hashes[slot] = key;
        expiries[slot] = keepUntil;
        earliestExpiry = Math.min(earliestExpiry, keepUntil);
    }

    /** Drops every nonce expired at {@code now}, in place. */
    private void sweep(long now) {
        lastSweep = now;
        long earliest = Long.MAX_VALUE;
        int slot = 0;
        while (slot <= mask) {
            if (hashes[slot] != EMPTY && expiries[slot] < now) {
                release(owners[slot]);
                remove(slot);
                used--;
                continue; // the slot may now hold a nonce moved back into it
            }
            if (hashes[slot] != EMPTY) {
                earliest = Math.min(earliest, expiries[slot]);
            }
            slot++;
        }
        earliestExpiry = earliest;
    }

    /** Empties {@code slot}, moving back later nonces of its chain that would otherwise be cut off (linear probing). */
    private void remove(int slot) {
        int gap = slot;
        int next = slot;
        while (true) {
            hashes[gap] = EMPTY;
            while (true) {
                next = (next + 1) & mask;
                if (hashes[next] == EMPTY) {
                    return;
                }
                int home = home(hashes[next]);
                boolean staysBehindGap = gap <= next ? gap < home && home <= next : gap < home || home <= next;
                if (!staysBehindGap) {
                    break;
                }
            }
            hashes[gap] = hashes[next];
            expiries[gap] = expiries[next];
            owners[gap] = owners[next];
            gap = next;
        }
    }
}
