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
 */
final class NonceMemory {
    /** What became of a nonce. */
    enum Use { FIRST, REPEATED, FULL }

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
    private int used;
    /** No stored nonce expires before this. */
    private long earliestExpiry = Long.MAX_VALUE;
    private long lastSweep = Long.MIN_VALUE / 2;

    NonceMemory(int capacity, KeyedHash hash) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("nonce capacity must be 1-" + MAX_CAPACITY + ": " + capacity);
        }
        this.capacity = capacity;
        this.hash = hash;
        int slots = Integer.highestOneBit(2 * capacity - 1) << 1;
        this.mask = slots - 1;
        this.hashes = new long[slots];
        this.expiries = new long[slots];
    }

    /** Records {@code participant}'s nonce until {@code keepUntil} (inclusive), judging expiry at {@code now}. */
    Use use(String participant, String nonce, long keepUntil, long now) {
        long h = hash.hash(participant, nonce);
        long key = h == EMPTY ? 1 : h;
        lock.lock();
        try {
            int slot = probe(key);
            if (hashes[slot] == key) {
                if (expiries[slot] >= now) {
                    return Use.REPEATED;
                }
                store(slot, key, keepUntil);
                return Use.FIRST;
            }
            if (used >= capacity) {
                if (earliestExpiry >= now || now - lastSweep < MIN_SWEEP_INTERVAL_MS) {
                    return Use.FULL;
                }
                sweep(now);
                if (used >= capacity) {
                    return Use.FULL;
                }
                slot = probe(key);
            }
            used++;
            store(slot, key, keepUntil);
            return Use.FIRST;
        } finally {
            lock.unlock();
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
            gap = next;
        }
    }
}
