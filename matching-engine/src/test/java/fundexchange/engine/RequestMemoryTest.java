package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.protocol.Windows;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMemoryTest {
    private static final long T = 1_795_000_000_000L;
    private static final PlatformParameters P = PlatformParameters.DEFAULTS;
    private static final PlatformParameters SMALL = P.with("request-memory-capacity", "1000");

    /** What the journals hold at each index: participant and id. */
    private final Map<Long, List<String>> journal = new HashMap<>();

    private void remember(RequestMemory memory, long time, PlatformParameters p, String participant, String id, long hash,
                          long index) {
        assertEquals(RequestMemory.Room.FREE, memory.room(time, p, participant, false));
        memory.remember(time, p, participant, hash, index);
        journal.put(index, List.of(participant, id));
    }

    private long find(RequestMemory memory, String participant, String id, long hash) {
        return memory.find(participant, hash, index -> journal.get(index).equals(List.of(participant, id)));
    }

    @Test
    void idsWhoseHashesCollideAreToldApartByTheJournaledRecord() {
        RequestMemory memory = new RequestMemory(RequestMemoryKey.FIXED, SMALL);
        remember(memory, T, SMALL, "Holder-01", "a", 42, 1);
        remember(memory, T, SMALL, "Holder-01", "b", 42, 2);
        remember(memory, T, SMALL, "Holder-02", "a", 42, 3);
        assertEquals(List.of(1L, 2L, 3L, 0L, 0L), List.of(find(memory, "Holder-01", "a", 42), find(memory, "Holder-01", "b", 42),
                find(memory, "Holder-02", "a", 42), find(memory, "Holder-01", "c", 42), find(memory, "Holder-03", "a", 42)));
    }

    @Test
    void aRestoredViewAnswersAsTheOriginalWhateverEitherKey() {
        RequestMemory memory = new RequestMemory(RequestMemoryKey.FIXED, P);
        for (int i = 0; i < 50; i++) {
            remember(memory, T + i * 100_000L, P, "Holder-0" + (i % 3), "id-" + i, RequestMemory.idHash("id-" + i), i + 1);
        }
        EngineSnapshot.RequestMemoryState view = memory.view();
        RequestMemory restored = new RequestMemory(new RequestMemoryKey(7, 11), P);
        restored.restore(view, P);
        assertEquals(view, restored.view(), "the view holds nothing that depends on the key");
        for (int i = 0; i < 50; i++) {
            assertEquals(i + 1L, find(restored, "Holder-0" + (i % 3), "id-" + i, RequestMemory.idHash("id-" + i)));
        }
        assertEquals(List.of(2, 3, 3, 3, 39), view.generations().stream().map(g -> g.records().size()).toList(),
                "five generations; with none dropped (no time advanced past a retention) the newest stays open");
        List<Long> indexes = view.generations().stream().flatMap(g -> g.records().stream())
                .map(EngineSnapshot.RememberedRequest::sourceIndex).toList();
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList(), indexes, "in journal order");
    }

    @Test
    void aRetentionNotDivisibleByFourGivesGenerationsOfItsQuarterRoundedUpAndNoneIsExtended() {
        PlatformParameters p = SMALL.with("request-retention-ms", "1200002");
        long length = 300_001;
        assertEquals(length, RequestMemory.generationLength(p));
        RequestMemory memory = new RequestMemory(RequestMemoryKey.FIXED, p);
        long start = Math.floorDiv(T, length) * length;
        for (int i = 0; i < 12; i++) {
            long time = start + i * length;
            memory.advance(time, p);
            remember(memory, time, p, "Holder-01", "id-" + i, i, i + 1);
        }
        List<List<Long>> spans = memory.view().generations().stream().map(g -> List.of(g.start(), g.end())).toList();
        List<List<Long>> expected = java.util.stream.LongStream.range(7, 12)
                .mapToObj(i -> List.of(start + i * length, start + (i + 1) * length)).toList();
        assertEquals(expected, spans, "five generations of one length each, the oldest dropped as each new one opens");
    }

    @Test
    void aParticipantsShareAndTheOversightReserveBoundItsWrites() {
        RequestMemory memory = new RequestMemory(RequestMemoryKey.FIXED, SMALL);
        for (int i = 0; i < 20; i++) {
            remember(memory, T, SMALL, "Holder-01", "id-" + i, i, i + 1);
        }
        assertEquals(RequestMemory.Room.PARTICIPANT_SHARE_USED, memory.room(T, SMALL, "Holder-01", false));
        assertEquals(RequestMemory.Room.FREE, memory.room(T, SMALL, "Holder-02", false));
        assertEquals(List.of(2, 20), List.of(RequestMemory.reserve(200), RequestMemory.participantShare(200, SMALL)));
    }

    @Test
    void anIdTakesAtMost48BytesWithEveryGenerationAllocatedUpFront() {
        for (PlatformParameters p : List.of(SMALL, P, P.with("request-memory-capacity", "1234567"))) {
            RequestMemory memory = new RequestMemory(RequestMemoryKey.FIXED, p);
            long ids = (long) RequestMemory.GENERATIONS * RequestMemory.perGeneration(p);
            long bytes = memory.bytes();
            assertTrue(bytes >= ids * RequestGeneration.BYTES_PER_ID, "allocated up front: " + bytes + " bytes for " + ids);
            assertTrue((double) bytes / ids <= 48, bytes + " bytes for " + ids + " ids: " + (double) bytes / ids + " an id");
        }
        assertEquals(28, RequestGeneration.BYTES_PER_ID);
        long engineBytes = new Engine().requestMemoryBytes();
        assertTrue(engineBytes >= 2_000_000L * 28 && engineBytes <= 2_000_000L * 48, "a new engine's memory: " + engineBytes);
    }

    @Test
    void rememberingAllocatesNothing() {
        RequestMemory memory = new RequestMemory(RequestMemoryKey.FIXED, P);
        long length = RequestMemory.generationLength(P);
        long start = Math.floorDiv(T, length) * length;
        for (int i = 0; i < 3; i++) {
            assertEquals(RequestMemory.Room.FREE, memory.room(start, P, "Holder-0" + i, false));
            memory.remember(start, P, "Holder-0" + i, i, i + 1);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        String[] participants = {"Holder-00", "Holder-01", "Holder-02"};
        long index = 100;
        for (int generation = 0; generation < 3; generation++) {
            for (int i = 0; i < 10_000; i++) {
                memory.remember(start + generation * length, P, participants[i % 3], index * 31, index++);
            }
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 1_024, "30,000 ids, two of the three generations new, allocated " + allocated + " bytes");
        assertEquals(3, memory.view().generations().size());
    }

    @Test
    void aCapacityChangeIsAllocatedWhenPreparedAndTakenWithoutAllocating() {
        RequestMemory memory = new RequestMemory(RequestMemoryKey.FIXED, SMALL);
        PlatformParameters larger = SMALL.with("request-memory-capacity", "2000");
        remember(memory, T, SMALL, "Holder-01", "a", 1, 1);
        assertThrows(IllegalStateException.class, () -> memory.resize(larger), "an unprepared change is a bug");
        long before = memory.bytes();
        memory.prepare(larger);
        assertTrue(memory.bytes() >= before + 5L * 400 * RequestGeneration.BYTES_PER_ID, "allocated when prepared");
        memory.resize(larger);
        long next = T + RequestMemory.generationLength(larger);
        memory.advance(next, larger);
        remember(memory, next, larger, "Holder-01", "b", 2, 2);
        assertEquals(List.of(200, 400), memory.view().generations().stream().map(g -> g.capacity()).toList(),
                "the open generation keeps its size, the next one has the new one");
    }

    /**
     * Issue 13: the old slot function was public (FNV-1a, MurmurHash3's finaliser and a fixed mix), so anyone could
     * compute ids that all start their probe at one slot. Under the secret, per-generation SipHash key they spread.
     */
    @Test
    void idsCraftedToShareASlotUnderTheOldPublicFunctionSpreadUnderTheKeyedOne() {
        int slots = 2 * RequestMemory.perGeneration(SMALL);
        List<String> crafted = new ArrayList<>();
        for (int n = 0; crafted.size() < 150; n++) {
            if (oldHome(0, oldHash("flood-" + n), slots) == 0) {
                crafted.add("flood-" + n);
            }
        }
        assertEquals(150, oldLongestProbe(crafted, slots), "one run of 150 slots under the public function");
        for (RequestMemoryKey key : List.of(RequestMemoryKey.FIXED, new RequestMemoryKey(1, 2), new RequestMemoryKey(-5, 99))) {
            RequestMemory memory = new RequestMemory(key, SMALL.with("request-memory-participant-share-bp", "10000"));
            PlatformParameters p = SMALL.with("request-memory-participant-share-bp", "10000");
            long index = 1;
            for (String id : crafted) {
                assertEquals(RequestMemory.Room.FREE, memory.room(T, p, "Holder-01", false));
                memory.remember(T, p, "Holder-01", RequestMemory.idHash(id), index++);
            }
            int longest = memory.live().getFirst().longestProbe();
            assertTrue(longest <= 12, "the longest probe run of 150 crafted ids in " + slots + " slots is " + longest
                    + " (it was 150 under the public function)");
        }
    }

    /** The longest probe run of these ids, in order, in a linear-probing table placed by {@link #oldHome}. */
    private static int oldLongestProbe(List<String> ids, int slots) {
        boolean[] taken = new boolean[slots];
        int longest = 0;
        for (String id : ids) {
            int slot = oldHome(0, oldHash(id), slots);
            int run = 1;
            while (taken[slot]) {
                slot = (slot + 1) % slots;
                run++;
            }
            taken[slot] = true;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** The slot function before issue 13's hardening, as anyone could compute it from the published code. */
    private static int oldHome(int ordinal, long hash, int slots) {
        long mixed = (hash ^ (ordinal * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        return (int) Math.floorMod(mixed ^ (mixed >>> 31), (long) slots);
    }

    private static long oldHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    @Test
    void windowsAreSaturating() {
        assertEquals(false, Windows.within(T + Long.MIN_VALUE, T, 300_000));
        assertEquals(false, Windows.within(Long.MIN_VALUE, T, 300_000));
        assertEquals(false, Windows.within(Long.MAX_VALUE, -1, Long.MAX_VALUE));
        assertEquals(true, Windows.within(T + 300_000, T, 300_000));
        assertEquals(true, Windows.within(T - 300_000, T, 300_000));
        assertEquals(false, Windows.within(T - 300_001, T, 300_000));
        assertEquals(Long.MAX_VALUE, Windows.plus(Long.MAX_VALUE - 1, 5));
        assertEquals(Long.MIN_VALUE, Windows.plus(Long.MIN_VALUE + 1, -5));
    }
}
