package org.tipx.anonymizer;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative {@code long} keys to dense {@code int} ids 0, 1, 2, … in order of
 * first insertion. No boxing: grouping a million records costs one probe sequence each. Not thread-safe;
 * reused across groupings with {@link #clear(int)}.
 */
final class LongIntMap {
    private static final long EMPTY = -1L;

    private long[] keys = new long[0];
    private int[] values = new int[0];
    /** The slots in use, in insertion order, so clearing costs the keys inserted and not the capacity. */
    private int[] used = new int[0];
    private int mask;
    private int size;

    /** Empties the map and makes room for {@code expected} keys at a load factor of at most one half. */
    void clear(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        if (keys.length < capacity || keys.length > capacity * 8) {
            keys = new long[capacity];
            values = new int[capacity];
            used = new int[capacity / 2 + 1];
            Arrays.fill(keys, EMPTY);
        } else {
            for (int i = 0; i < size; i++) {
                keys[used[i]] = EMPTY;
            }
        }
        mask = keys.length - 1;
        size = 0;
    }

    /** The id of {@code key}, assigning the next id if the key is new. */
    int idOf(long key) {
        int slot = mix(key) & mask;
        while (true) {
            long present = keys[slot];
            if (present == key) {
                return values[slot];
            }
            if (present == EMPTY) {
                keys[slot] = key;
                values[slot] = size;
                used[size] = slot;
                return size++;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private static int mix(long key) {
        // The finaliser of MurmurHash3: packed codes differ mostly in their low bits.
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }
}
