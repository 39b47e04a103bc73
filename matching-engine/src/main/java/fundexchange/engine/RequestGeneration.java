package fundexchange.engine;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * One generation of the idempotency memory: the ids first journaled while journal time lay in {@code [start, end)}.
 * Its arrays are allocated once, for {@link #capacity()} ids, and reused by later generations (the memory keeps five
 * in a ring), so remembering an id never allocates. Per id it keeps three values in dense arrays, in journal order
 * (participant ordinal, 64-bit id hash, journal index: 20 bytes), and an open-addressing table of {@code 2 * capacity}
 * int slots pointing at them (8 bytes an id at load 1/2): {@value #BYTES_PER_ID} bytes an id. Slots are placed by
 * {@link SipHash} under the generation's secret key, so ids cannot be chosen to share a probe run. A slot only names
 * an index; the journaled record at that index confirms a hit ({@link JournaledRequests}). It also counts its ids per
 * participant ordinal. A generation is dropped whole, never one id at a time.
 */
final class RequestGeneration {
    /** Bytes per id in the arrays: 4 + 8 + 8 for the id, 2 slots of 4. */
    static final int BYTES_PER_ID = 4 + 8 + 8 + 2 * 4;

    private final int capacity;
    private final int[] participants;
    private final long[] hashes;
    private final long[] indexes;
    private final int[] slots;
    private int[] counts;
    private int size;
    private long start;
    private long end;
    private long k0;
    private long k1;

    /** Allocates a generation's arrays for {@code capacity} ids and {@code ordinals} participant ordinals. */
    RequestGeneration(int capacity, int ordinals) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a generation needs a capacity");
        }
        this.capacity = capacity;
        this.participants = new int[capacity];
        this.hashes = new long[capacity];
        this.indexes = new long[capacity];
        this.slots = new int[Math.multiplyExact(capacity, 2)];
        this.counts = new int[Math.max(8, ordinals)];
    }

    /** Opens this empty generation for {@code [start, end)}, placing ids under the node key's key for {@code start}. */
    void open(long start, long end, RequestMemoryKey nodeKey) {
        if (size != 0 || end <= start) {
            throw new IllegalStateException("a generation opens empty, with a time span");
        }
        this.start = start;
        this.end = end;
        this.k0 = nodeKey.generationK0(start);
        this.k1 = nodeKey.generationK1(start);
    }

    /** Forgets every id, keeping the arrays for the next generation. */
    void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(counts, 0);
        size = 0;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** How many ids it was allocated for. */
    int capacity() {
        return capacity;
    }

    /** How many ids it holds. */
    int size() {
        return size;
    }

    /** How many of its ids the participant with this ordinal sent. */
    int countOf(int ordinal) {
        return ordinal < counts.length ? counts[ordinal] : 0;
    }

    /** Makes room to count {@code ordinals} participants, so that {@link #add} never allocates. */
    void reserveOrdinals(int ordinals) {
        if (ordinals > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(ordinals, counts.length * 2));
        }
    }

    /** Keeps this generation open for writes until {@code newEnd} (only later, never earlier). */
    void extendTo(long newEnd) {
        end = Math.max(end, newEnd);
    }

    /**
     * The journal index of participant {@code ordinal}'s id with this hash that {@code sameId} confirms, or 0;
     * {@code sameId} is asked only about indexes held under the same ordinal and hash.
     */
    long find(int ordinal, long hash, LongPredicate sameId) {
        for (int slot = home(ordinal, hash); slots[slot] != 0; slot = next(slot)) {
            int entry = slots[slot] - 1;
            if (participants[entry] == ordinal && hashes[entry] == hash && sameId.test(indexes[entry])) {
                return indexes[entry];
            }
        }
        return 0;
    }

    /** Adds an id this generation does not hold; ids arrive in journal order. Allocates nothing. */
    void add(int ordinal, long hash, long index) {
        if (size >= capacity) {
            throw new IllegalStateException("request memory generation is full");
        }
        if (size > 0 && index <= indexes[size - 1]) {
            throw new IllegalStateException("request memory ids must arrive in journal order");
        }
        if (ordinal >= counts.length) {
            throw new IllegalStateException("participant ordinal " + ordinal + " was not reserved");
        }
        int slot = home(ordinal, hash);
        while (slots[slot] != 0) {
            slot = next(slot);
        }
        participants[size] = ordinal;
        hashes[size] = hash;
        indexes[size] = index;
        slots[slot] = ++size;
        counts[ordinal]++;
    }

    /** The {@code i}-th id's participant ordinal, in journal order. */
    int participantAt(int i) {
        return participants[i];
    }

    /** The {@code i}-th id's hash, in journal order. */
    long hashAt(int i) {
        return hashes[i];
    }

    /** The {@code i}-th id's journal index, in journal order. */
    long indexAt(int i) {
        return indexes[i];
    }

    /** The bytes of its arrays (element bytes plus a 16-byte header each): what it costs whatever it holds. */
    long bytes() {
        return 16L * 5 + 4L * participants.length + 8L * hashes.length + 8L * indexes.length + 4L * slots.length
                + 4L * counts.length;
    }

    /** The longest run of slots a lookup of one of its ids walks (1 when every id sits in its home slot). */
    int longestProbe() {
        int longest = 0;
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] != 0) {
                int entry = slots[slot] - 1;
                int home = home(participants[entry], hashes[entry]);
                longest = Math.max(longest, Math.floorMod(slot - home, slots.length) + 1);
            }
        }
        return longest;
    }

    private int home(int ordinal, long hash) {
        return (int) Math.unsignedMultiplyHigh(SipHash.hash(k0, k1, hash, ordinal), slots.length);
    }

    private int next(int slot) {
        return slot + 1 == slots.length ? 0 : slot + 1;
    }
}
