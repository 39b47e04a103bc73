package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LongSortedSetTest {
    @Test
    void holdsWhatATreeSetHoldsUnderAnyMixOfAppendsInsertsAndRemovals() {
        SplittableRandom random = new SplittableRandom(20261207);
        LongSortedSet set = new LongSortedSet();
        TreeSet<Long> expected = new TreeSet<>();
        long next = 1;
        for (int step = 0; step < 200_000; step++) {
            int kind = random.nextInt(10);
            if (kind < 5) { // append, as journal-derived ids come
                next += 1 + random.nextInt(3);
                assertEquals(expected.add(next), set.add(next));
            } else if (kind < 6) { // anywhere, maybe a duplicate
                long id = random.nextLong(1, next + 2);
                assertEquals(expected.add(id), set.add(id));
            } else if (kind < 8 && !expected.isEmpty()) { // the first, as deadlines and batches end
                long first = expected.first();
                assertEquals(first, set.first());
                assertEquals(expected.remove(first), set.remove(first));
            } else { // anywhere, maybe absent
                long id = random.nextLong(0, next + 2);
                assertEquals(expected.remove(id), set.remove(id));
            }
            assertEquals(expected.size(), set.size());
        }
        assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), set.toArray());
    }

    @Test
    void holdsWhatATreeSetHoldsWhenIdsComeAndGoAnywhereInASmallRange() {
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            LongSortedSet set = new LongSortedSet();
            TreeSet<Long> expected = new TreeSet<>();
            int range = 1 + random.nextInt(300);
            for (int step = 0; step < 3_000; step++) {
                long id = random.nextLong(-2, range);
                if (random.nextInt(3) == 0) {
                    assertEquals(expected.add(id), set.add(id), "seed " + seed + " step " + step);
                } else {
                    assertEquals(expected.remove(id), set.remove(id), "seed " + seed + " step " + step);
                }
                assertEquals(expected.size(), set.size());
                assertEquals(expected.contains(id), set.contains(id));
                if (!expected.isEmpty()) {
                    assertEquals(expected.first(), set.first());
                }
                if (step % 97 == 0) {
                    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), set.toArray());
                }
            }
            assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), set.toArray());
        }
    }

    /**
     * One fund's batch settled out of a day's trades interleaved with another fund's: every other id removed from the
     * middle costs a bounded number of moves in all (a shifting removal would move about n * n / 4 = 10^10 ids).
     */
    @Test
    void removingEveryOtherOfTwoHundredThousandIdsMovesAFewIdsPerRemoval() {
        int n = 200_000;
        LongSortedSet set = new LongSortedSet();
        for (long id = 1; id <= n; id++) {
            set.add(id);
        }
        long before = set.moves();
        for (long id = 1; id <= n; id += 2) {
            assertTrue(set.remove(id));
        }
        long moved = set.moves() - before;
        assertTrue(moved <= 3L * (n / 2), "moved " + moved + " ids for " + n / 2 + " removals");
        assertEquals(n / 2, set.size());
        assertEquals(2, set.first());
        long[] left = set.toArray();
        for (int i = 0; i < left.length; i++) {
            assertEquals(2L * (i + 1), left[i]);
        }

        before = set.moves();
        for (long id = n; id >= 2; id -= 4) { // and from the other end, every other again
            assertTrue(set.remove(id));
        }
        assertTrue(set.moves() - before <= 3L * (n / 4), "moved " + (set.moves() - before));
        assertEquals(n / 4, set.size());
    }

    @Test
    void aFirstInFirstOutQueueAtFullCapacityDoesNotCompactAtEveryAddition() {
        LongSortedSet set = new LongSortedSet();
        for (long id = 1; id <= 1024; id++) {
            set.add(id);
        }
        long before = set.moves();
        for (long id = 1025; id <= 101_024; id++) {
            set.remove(set.first());
            set.add(id);
        }
        assertTrue(set.moves() - before <= 4L * 100_000, "moved " + (set.moves() - before));
        assertEquals(1024, set.size());
        assertEquals(100_001, set.first());
    }

    @Test
    void anEmptySetHasNoFirst() {
        LongSortedSet set = new LongSortedSet();
        set.add(7);
        set.remove(7);
        assertEquals(0, set.size());
        assertThrows(NoSuchElementException.class, set::first);
        assertArrayEquals(new long[0], set.toArray());
    }
}
