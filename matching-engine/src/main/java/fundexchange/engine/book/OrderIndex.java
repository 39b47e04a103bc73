package fundexchange.engine.book;

import java.util.Arrays;

/**
 * Resting orders by id: open addressing on {@code long} keys with linear probing and backward-shift deletion, so a
 * lookup allocates nothing. Never iterated, so its layout cannot reach an event or the state hash.
 */
final class OrderIndex {
    private long[] keys = new long[1024];
    private RestingOrder[] values = new RestingOrder[1024];
    private int size;

    RestingOrder get(long id) {
        int mask = keys.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long key = keys[i];
            if (key == id) {
                return values[i];
            }
            if (key == 0) {
                return null;
            }
        }
    }

    /** Adds an order under a new id; false (and nothing changed) if the id is already present. */
    boolean putNew(long id, RestingOrder order) {
        if (id == 0) {
            throw new IllegalArgumentException("order id 0");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(id, mask);
        while (keys[i] != 0) {
            if (keys[i] == id) {
                return false;
            }
            i = (i + 1) & mask;
        }
        size++;
        keys[i] = id;
        values[i] = order;
        return true;
    }

    private void put(long id, RestingOrder order) {
        if (id == 0) {
            throw new IllegalArgumentException("order id 0");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(id, mask);
        while (keys[i] != 0 && keys[i] != id) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = id;
        values[i] = order;
    }

    void remove(long id) {
        int mask = keys.length - 1;
        int i = slot(id, mask);
        while (keys[i] != id) {
            if (keys[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Backward-shift: move later entries of the probe run into the hole so lookups never stop early.
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        values[hole] = null;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        RestingOrder[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new RestingOrder[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldValues, null);
    }

    private static int slot(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
