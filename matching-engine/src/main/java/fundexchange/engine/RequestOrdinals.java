package fundexchange.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The idempotency memory's participant ordinals: participant ids numbered in the order they were first remembered.
 * Room for one more is reserved while a command is decided ({@link #reserveOne}), so {@link #assign} never
 * allocates. A lookup table of open addressing over {@code String.hashCode} finds an ordinal; it is never iterated
 * (participants are registered by staff, so their number is small and not an attacker's to choose).
 */
final class RequestOrdinals {
    private String[] names = new String[8];
    private int[] table = new int[16];
    private int size;

    /** This participant's ordinal, or -1. */
    int of(String participant) {
        for (int slot = home(participant); table[slot] != 0; slot = next(slot)) {
            if (names[table[slot] - 1].equals(participant)) {
                return table[slot] - 1;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    /** The participant ids by ordinal. */
    List<String> names() {
        return List.of(Arrays.copyOf(names, size));
    }

    /** Makes room for one more ordinal (allocating here if need be, while a command is decided). */
    void reserveOne() {
        if (size + 1 > names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        if (2 * (size + 1) > table.length) {
            int[] old = table;
            table = new int[old.length * 2];
            for (int entry : old) {
                if (entry != 0) {
                    int slot = home(names[entry - 1]);
                    while (table[slot] != 0) {
                        slot = next(slot);
                    }
                    table[slot] = entry;
                }
            }
        }
    }

    /** This participant's ordinal, numbering it next if it has none; room must have been reserved. */
    int assign(String participant) {
        int known = of(participant);
        if (known >= 0) {
            return known;
        }
        if (size == names.length || 2 * (size + 1) > table.length) {
            throw new IllegalStateException("no room reserved for participant ordinal " + size);
        }
        names[size] = participant;
        int slot = home(participant);
        while (table[slot] != 0) {
            slot = next(slot);
        }
        table[slot] = ++size;
        return size - 1;
    }

    private int home(String participant) {
        int h = participant.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (table.length - 1);
    }

    private int next(int slot) {
        return (slot + 1) & (table.length - 1);
    }
}
