package de.trassenwerk.routing;

import java.util.Arrays;

/**
 * A map from grid cells (long keys) to ints without boxing: open addressing with linear probing,
 * doubled when half full. For the graph builder's snapping grid, where millions of lookups happen.
 * Not thread-safe.
 */
final class CellMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    CellMap() {
        Arrays.fill(keys, EMPTY);
    }

    /** The value of {@code key}, -1 when absent. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == EMPTY) {
                return -1;
            }
        }
    }

    /** Sets the value of {@code key}; returns the previous one, -1 when absent. */
    int put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            if (keys[i] == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
            if (keys[i] == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return -1;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
