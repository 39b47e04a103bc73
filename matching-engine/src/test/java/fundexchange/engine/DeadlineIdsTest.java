package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** DeadlineIds holds what a {@code TreeMap<Long, TreeSet<Long>>} would, its remembered last time included. */
class DeadlineIdsTest {
    @Test
    void holdsWhatATreeMapOfTreeSetsHoldsUnderAnyMixOfAddsAndRemovals() {
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            DeadlineIds deadlines = new DeadlineIds();
            TreeMap<Long, TreeSet<Long>> expected = new TreeMap<>();
            int times = 1 + random.nextInt(6);
            long nextId = 1;
            for (int step = 0; step < 3_000; step++) {
                long time = random.nextLong(-1, times); // 0 or less is no deadline
                int kind = random.nextInt(10);
                if (kind < 4) { // a new trade, ids in journal order
                    nextId += random.nextInt(3);
                    add(deadlines, expected, time, nextId);
                } else if (kind < 5) { // any id, maybe a duplicate
                    add(deadlines, expected, time, random.nextLong(0, nextId + 2));
                } else if (kind < 7 && !expected.isEmpty()) { // the earliest due, as the deadline ends it
                    remove(deadlines, expected, expected.firstKey(), expected.firstEntry().getValue().first());
                } else if (kind < 9 && !expected.isEmpty()) { // one present, anywhere (a batch, a funding, a failure)
                    Long at = expected.ceilingKey(time);
                    long due = at == null ? expected.lastKey() : at;
                    Long id = expected.get(due).ceiling(random.nextLong(0, nextId + 1));
                    remove(deadlines, expected, due, id == null ? expected.get(due).last() : id);
                } else { // anything, maybe absent or at another time
                    remove(deadlines, expected, time, random.nextLong(0, nextId + 2));
                }
                String at = "seed " + seed + " step " + step;
                assertEquals(expected, deadlines.copy(), at);
                assertEquals(expected.values().stream().mapToLong(TreeSet::size).sum(), deadlines.size(), at);
                assertEquals(expected.isEmpty(), deadlines.isEmpty(), at);
                assertEquals(expected.values().stream().mapToLong(TreeSet::first).min().orElse(Long.MAX_VALUE),
                        deadlines.leastId(), at);
                if (!expected.isEmpty()) {
                    assertEquals(expected.firstKey(), deadlines.firstTime(), at);
                    assertEquals(expected.firstEntry().getValue().first(), deadlines.firstId(), at);
                }
            }
        }
    }

    private static void add(DeadlineIds deadlines, TreeMap<Long, TreeSet<Long>> expected, long time, long id) {
        if (time > 0) {
            expected.computeIfAbsent(time, t -> new TreeSet<>()).add(id);
        }
        deadlines.add(time, id);
    }

    private static void remove(DeadlineIds deadlines, TreeMap<Long, TreeSet<Long>> expected, long time, long id) {
        TreeSet<Long> ids = expected.get(time);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            expected.remove(time);
        }
        deadlines.remove(time, id);
    }

    /** Two funds' trades of one day share a deadline; one fund's batch settles, the other's stay in order. */
    @Test
    void oneFundsBatchLeavesTheOtherFundsTradesOfTheDayInOrder() {
        DeadlineIds deadlines = new DeadlineIds();
        long day = 1_780_000_000_000L;
        for (long id = 1; id <= 20_000; id++) {
            deadlines.add(day, id);
        }
        deadlines.add(day + 86_400_000L, 20_001);
        for (long id = 2; id <= 20_000; id += 2) {
            deadlines.remove(day, id);
        }
        assertEquals(10_001, deadlines.size());
        TreeSet<Long> left = deadlines.copy().get(day);
        assertEquals(10_000, left.size());
        assertTrue(left.stream().allMatch(id -> id % 2 == 1));
        for (long id = 1; id <= 20_000; id += 2) {
            assertEquals(day, deadlines.firstTime());
            assertEquals(id, deadlines.firstId());
            deadlines.remove(day, id);
        }
        assertEquals(day + 86_400_000L, deadlines.firstTime());
        assertEquals(20_001, deadlines.leastId());
        deadlines.remove(day + 86_400_000L, 20_001);
        assertTrue(deadlines.isEmpty());
        assertEquals(Long.MAX_VALUE, deadlines.leastId());
        assertThrows(NoSuchElementException.class, deadlines::firstTime);
    }
}
