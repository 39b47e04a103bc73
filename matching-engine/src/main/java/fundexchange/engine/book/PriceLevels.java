package fundexchange.engine.book;

import java.util.Arrays;

/**
 * One side's price levels in a sorted array, best level last so that consuming it is O(1). A key is the price for
 * bids and the negated price for asks, kept ascending, so the best level always has the largest key. Emptied level
 * objects are kept for reuse.
 */
final class PriceLevels {
    private final boolean bids;
    private long[] keys = new long[64];
    private PriceLevel[] levels = new PriceLevel[64];
    private int size;
    private PriceLevel[] spare = new PriceLevel[16];
    private int spares;

    PriceLevels(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return size;
    }

    /** The i-th best level: 0 is the best. */
    PriceLevel fromBest(int i) {
        return levels[size - 1 - i];
    }

    /** The level at {@code price}, created if absent. */
    PriceLevel at(long price) {
        long key = bids ? price : -price;
        int at;
        if (size == 0 || key > keys[size - 1]) {
            at = size; // a new best level: the common case of an aggressor, no search
        } else {
            int i = Arrays.binarySearch(keys, 0, size, key);
            if (i >= 0) {
                return levels[i];
            }
            at = -i - 1;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        PriceLevel level = spares > 0 ? spare[--spares] : new PriceLevel();
        level.price = price;
        keys[at] = key;
        levels[at] = level;
        size++;
        return level;
    }

    /** Removes an empty level. */
    void remove(PriceLevel level) {
        long key = bids ? level.price : -level.price;
        int i = size - 1;
        if (levels[i] != level) {
            i = Arrays.binarySearch(keys, 0, size, key);
        }
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(levels, i + 1, levels, i, size - i - 1);
        levels[--size] = null;
        level.head = null;
        level.tail = null;
        level.units = 0;
        if (spares == spare.length) {
            spare = Arrays.copyOf(spare, spares * 2);
        }
        spare[spares++] = level;
    }
}
