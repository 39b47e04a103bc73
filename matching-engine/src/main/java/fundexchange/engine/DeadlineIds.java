package fundexchange.engine;

import java.util.TreeMap;

/**
 * Derived (rebuilt on restore, not hashed): ids due at journal times, time -> ids, each time's ids in order, as
 * {@code TreeMap<Long, TreeSet<Long>>} would hold them but with the ids unboxed ({@link LongSortedSet}) and the last
 * time added to remembered with its ids, so that adding at the same time again (a command's fills share a deadline)
 * allocates nothing. A time of 0 or less is no deadline and is not kept. The pending trades' settlement deadlines.
 */
final class DeadlineIds {
    private final TreeMap<Long, LongSortedSet> byTime = new TreeMap<>();
    private long size;
    /** The last time added to and its ids, while they are mapped (null otherwise). */
    private long lastTime;
    private LongSortedSet lastIds;

    /** Adds {@code id} as due at {@code time} (nothing for a time of 0 or less). */
    void add(long time, long id) {
        if (time <= 0) {
            return;
        }
        LongSortedSet ids = lastIds != null && lastTime == time ? lastIds
                : byTime.computeIfAbsent(time, t -> new LongSortedSet());
        lastTime = time;
        lastIds = ids;
        if (ids.add(id)) {
            size++;
        }
    }

    /** Removes {@code id} from those due at {@code time}, if it is there. */
    void remove(long time, long id) {
        LongSortedSet ids = lastIds != null && lastTime == time ? lastIds : byTime.get(time);
        if (ids != null && ids.remove(id)) {
            size--;
            if (ids.isEmpty()) {
                byTime.remove(time);
                if (ids == lastIds) {
                    lastIds = null;
                }
            }
        }
    }

    boolean isEmpty() {
        return byTime.isEmpty();
    }

    /** The earliest time; throws when empty. */
    long firstTime() {
        return byTime.firstKey();
    }

    /** The least id due at the earliest time; throws when empty. */
    long firstId() {
        return byTime.get(byTime.firstKey()).first();
    }

    /** How many ids are due, at all times. */
    long size() {
        return size;
    }

    /** The least id due at any time; {@link Long#MAX_VALUE} when empty. */
    long leastId() {
        long least = Long.MAX_VALUE;
        for (LongSortedSet ids : byTime.values()) {
            least = Math.min(least, ids.first());
        }
        return least;
    }

    /** For tests: the ids due per time, as ordered collections. */
    TreeMap<Long, java.util.TreeSet<Long>> copy() {
        TreeMap<Long, java.util.TreeSet<Long>> copy = new TreeMap<>();
        byTime.forEach((time, ids) -> {
            java.util.TreeSet<Long> set = new java.util.TreeSet<>();
            for (long id : ids.toArray()) {
                set.add(id);
            }
            copy.put(time, set);
        });
        return copy;
    }
}
