package fundexchange.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A sorted set of longs in one array, without boxing. Ids added in increasing order (as journal-derived ids are) are
 * appended; the first and the last are removed by moving a bound; any other id is removed by marking its slot dead (a
 * bit; the value stays, so the array stays sorted and binary search works). Dead slots are dropped by compaction in
 * place once they outnumber half the live ids (so k removals anywhere cost O(k log n) with O(1) amortised moves each), or
 * when the array is full and a quarter of it is free; else the array doubles. An insertion next to a dead slot takes it;
 * any other insertion before the last id moves the ids after it. None of this allocates but the doubling.
 * Not thread-safe, and nothing iterates it in place: copy it with {@link #toArray}.
 */
final class LongSortedSet {
    private long[] ids = new long[8];
    /** One bit per slot of {@link #ids}: set for a removed id still in the array (only between head and tail). */
    private long[] dead = new long[1];
    /** The first slot in use (a live id, when not empty). */
    private int head;
    /** One past the last slot in use (the slot before it holds a live id, when not empty). */
    private int tail;
    /** How many slots between head and tail are dead. */
    private int deadCount;
    /** For tests: how many ids have been copied from one slot to another, compaction and growth included. */
    private long moves;

    int size() {
        return tail - head - deadCount;
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

    boolean contains(long id) {
        int at = Arrays.binarySearch(ids, head, tail, id);
        return at >= 0 && !isDead(at);
    }

    /** Adds {@code id}; false if it was there. */
    boolean add(long id) {
        if (isEmpty() || id > ids[tail - 1]) {
            makeRoom();
            ids[tail++] = id;
            return true;
        }
        if (id < ids[head] && head > 0) {
            ids[--head] = id;
            return true;
        }
        int at = Arrays.binarySearch(ids, head, tail, id);
        if (at >= 0) {
            if (!isDead(at)) {
                return false;
            }
            revive(at);
            return true;
        }
        int insert = -at - 1;
        if (insert > head && isDead(insert - 1)) { // ids[insert - 2] < dead value < id < ids[insert]
            ids[insert - 1] = id;
            revive(insert - 1);
            return true;
        }
        if (isDead(insert)) { // ids[insert - 1] < id < dead value < ids[insert + 1]; insert < tail - 1 here
            ids[insert] = id;
            revive(insert);
            return true;
        }
        if (deadCount > 0) {
            compact();
        }
        makeRoom();
        insert = -Arrays.binarySearch(ids, head, tail, id) - 1;
        System.arraycopy(ids, insert, ids, insert + 1, tail - insert);
        moves += tail - insert;
        ids[insert] = id;
        tail++;
        return true;
    }

    /** Removes {@code id}; false if it was not there. */
    boolean remove(long id) {
        int at = Arrays.binarySearch(ids, head, tail, id);
        if (at < 0 || isDead(at)) {
            return false;
        }
        if (at == head) {
            head++;
            while (head < tail && isDead(head)) {
                revive(head++);
            }
        } else if (at == tail - 1) {
            tail--;
            while (tail > head && isDead(tail - 1)) {
                revive(--tail);
            }
        } else {
            dead[at >>> 6] |= 1L << at;
            deadCount++;
            if (deadCount > size() / 2) {
                compact();
            }
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
        return true;
    }

    /** The ids in order, a copy. */
    long[] toArray() {
        if (deadCount == 0) {
            return Arrays.copyOfRange(ids, head, tail);
        }
        long[] copy = new long[size()];
        int n = 0;
        for (int i = head; i < tail; i++) {
            if (!isDead(i)) {
                copy[n++] = ids[i];
            }
        }
        return copy;
    }

    /** For tests: how many ids have been moved so far. */
    long moves() {
        return moves;
    }

    private boolean isDead(int slot) {
        return (dead[slot >>> 6] & 1L << slot) != 0;
    }

    /** Clears a dead slot's bit (the slot holds a live id again, or is leaving the used range). */
    private void revive(int slot) {
        dead[slot >>> 6] &= ~(1L << slot);
        deadCount--;
    }

    /** Moves the live ids to the start of the array, in order, dropping the dead slots. */
    private void compact() {
        int to = 0;
        for (int from = head; from < tail; from++) {
            if (!isDead(from)) {
                ids[to++] = ids[from];
            }
        }
        moves += to;
        if (deadCount > 0) {
            Arrays.fill(dead, head >>> 6, ((tail - 1) >>> 6) + 1, 0L);
        }
        head = 0;
        tail = to;
        deadCount = 0;
    }

    /**
     * Room for one more at the tail: compaction if that frees a quarter of the array (so that it is not repeated at
     * every addition), else a doubled array.
     */
    private void makeRoom() {
        if (tail < ids.length) {
            return;
        }
        if (size() <= ids.length - ids.length / 4) {
            compact();
        } else {
            ids = Arrays.copyOf(ids, ids.length * 2);
            dead = Arrays.copyOf(dead, (ids.length + 63) >>> 6);
            moves += tail;
        }
    }
}
