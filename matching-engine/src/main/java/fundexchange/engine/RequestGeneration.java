package fundexchange.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One generation of the idempotency memory: the ids first journaled while journal time lay in {@code [start, end)}.
 * The lookup table is open addressing over three primitive arrays, {@code 2 * capacity} slots of 20 bytes each
 * (participant ordinal, 64-bit id hash, journal index; index 0 marks a free slot), so at most 40 bytes per id and no
 * object per entry. A slot only points at its journaled record ({@link EngineSnapshot.RememberedRequest}, kept in index order
 * and found by binary search), which resolves a hit: same full id, or a miss. A generation is dropped whole. It also
 * counts its ids per participant ordinal (derived from its records, so a restored generation counts the same).
 */
final class RequestGeneration {
    private final long start;
    private long end;
    private final int capacity;
    private final int[] participants;
    private final long[] hashes;
    private final long[] indexes;
    private final List<EngineSnapshot.RememberedRequest> records = new ArrayList<>();
    private int[] perParticipant = new int[8];

    RequestGeneration(long start, long end, int capacity) {
        if (capacity < 1 || end <= start) {
            throw new IllegalArgumentException("a generation needs a capacity and a time span");
        }
        this.start = start;
        this.end = end;
        this.capacity = capacity;
        int slots = Math.multiplyExact(capacity, 2);
        this.participants = new int[slots];
        this.hashes = new long[slots];
        this.indexes = new long[slots];
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    int capacity() {
        return capacity;
    }

    /** How many ids it holds. */
    int size() {
        return records.size();
    }

    /** How many of its ids the participant with this ordinal sent. */
    int countOf(int ordinal) {
        return ordinal < perParticipant.length ? perParticipant[ordinal] : 0;
    }

    /** Keeps this generation open for writes until {@code newEnd} (only later, never earlier). */
    void extendTo(long newEnd) {
        end = Math.max(end, newEnd);
    }

    /** The record of {@code clientRequestId} from participant {@code ordinal}, or null; {@code hash} is its id hash. */
    EngineSnapshot.RememberedRequest find(int ordinal, long hash, String clientRequestId) {
        for (int slot = home(ordinal, hash); indexes[slot] != 0; slot = next(slot)) {
            if (participants[slot] == ordinal && hashes[slot] == hash) {
                EngineSnapshot.RememberedRequest record = recordAt(indexes[slot]);
                if (record.clientRequestId().equals(clientRequestId)) {
                    return record;
                }
            }
        }
        return null;
    }

    /** Adds a record whose id this generation does not hold; records arrive in journal order. */
    void add(EngineSnapshot.RememberedRequest record, long hash) {
        if (records.size() >= capacity) {
            throw new IllegalStateException("request memory generation is full");
        }
        if (!records.isEmpty() && record.sourceIndex() <= records.getLast().sourceIndex()) {
            throw new IllegalStateException("request memory records must arrive in journal order");
        }
        int slot = home(record.participant(), hash);
        while (indexes[slot] != 0) {
            slot = next(slot);
        }
        participants[slot] = record.participant();
        hashes[slot] = hash;
        indexes[slot] = record.sourceIndex();
        records.add(record);
        if (record.participant() >= perParticipant.length) {
            perParticipant = java.util.Arrays.copyOf(perParticipant, Math.max(record.participant() + 1, perParticipant.length * 2));
        }
        perParticipant[record.participant()]++;
    }

    /** The journaled records, in index order (unmodifiable). */
    List<EngineSnapshot.RememberedRequest> records() {
        return java.util.Collections.unmodifiableList(records);
    }

    private EngineSnapshot.RememberedRequest recordAt(long index) {
        int low = 0;
        int high = records.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long found = records.get(middle).sourceIndex();
            if (found == index) {
                return records.get(middle);
            }
            if (found < index) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        throw new IllegalStateException("request memory slot points at index " + index + ", which it does not hold");
    }

    private int home(int ordinal, long hash) {
        long mixed = (hash ^ (ordinal * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        return (int) Math.floorMod(mixed ^ (mixed >>> 31), (long) indexes.length);
    }

    private int next(int slot) {
        return slot + 1 == indexes.length ? 0 : slot + 1;
    }
}
