package fundexchange.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A sorted set of longs in one array, without boxing: ids added in increasing order (as journal-derived ids are) are
 * appended, and the first removed by moving its start, so neither allocates once the array has room; any other
 * insertion or removal moves the ids after it. The array grows by doubling and is compacted in place before it grows.
 * Not thread-safe; iterate it by {@link #get} or copy it with {@link #toArray}.
 */
final class LongSortedSet {
    private long[] ids = new long[8];
    /** The first live slot. */
    private int head;
    /** One past the last live slot. */
    private int tail;

    int size() {
        return tail - head;
    }

    boolean isEmpty() {
        return tail == head;
    }

    /** The least id; throws {@link NoSuchElementException} when empty. */
    long first() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return ids[head];
    }

    /** The {@code i}-th least id. */
    long get(int i) {
        java.util.Objects.checkIndex(i, size());
        return ids[head + i];
    }

    boolean contains(long id) {
        return Arrays.binarySearch(ids, head, tail, id) >= 0;
    }

    /** Adds {@code id}; false if it was there. */
    boolean add(long id) {
        if (isEmpty() || id > ids[tail - 1]) {
            makeRoom();
            ids[tail++] = id;
            return true;
        }
        int at = Arrays.binarySearch(ids, head, tail, id);
        if (at >= 0) {
            return false;
        }
        int offset = -at - 1 - head;
        makeRoom();
        int insert = head + offset;
        System.arraycopy(ids, insert, ids, insert + 1, tail - insert);
        ids[insert] = id;
        tail++;
        return true;
    }

    /** Removes {@code id}; false if it was not there. */
    boolean remove(long id) {
        int at = Arrays.binarySearch(ids, head, tail, id);
        if (at < 0) {
            return false;
        }
        if (at == head) {
            head++;
        } else {
            System.arraycopy(ids, at + 1, ids, at, tail - at - 1);
            tail--;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
        return true;
    }

    /** The ids in order, a copy. */
    long[] toArray() {
        return Arrays.copyOfRange(ids, head, tail);
    }

    /** Room for one more at the tail: the ids moved to the start if that frees any, else a doubled array. */
    private void makeRoom() {
        if (tail < ids.length) {
            return;
        }
        if (head > 0) {
            System.arraycopy(ids, head, ids, 0, tail - head);
            tail -= head;
            head = 0;
        } else {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
    }
}
