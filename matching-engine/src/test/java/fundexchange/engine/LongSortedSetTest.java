package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        long[] ids = expected.stream().mapToLong(Long::longValue).toArray();
        assertArrayEquals(ids, set.toArray());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], set.get(i));
        }
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
