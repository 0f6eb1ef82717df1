package org.tipx.api.ingest;

/**
 * The record ids seen so far in one extract, kept as 128-bit hashes in an open-addressing table at most half full:
 * 32 to 64 bytes per id instead of a String and a HashMap node (about 100 bytes), so a million-row extract needs
 * 32 MB. Two different ids collide only with probability about n²/2¹²⁹ (1 in 10²⁶ for a million ids); the hash
 * is not cryptographic, so an agency could forge a collision, but only to reject its own extract. Not
 * thread-safe.
 */
final class RecordIdSet {

    private static final int INITIAL_SLOTS = 1 << 10;
    private static final long MIX_1 = 0x9E3779B97F4A7C15L;
    private static final long MIX_2 = 0xC2B2AE3D27D4EB4FL;

    /** Slot i holds the hash in table[2i], table[2i+1]; (0, 0) marks an empty slot. */
    private long[] table = new long[2 * INITIAL_SLOTS];
    private int size;

    /** Adds the id; false if it was already there. */
    boolean add(String id) {
        // Both halves in one pass over the id: two multiply-xorshift lanes with different constants.
        long high = 0x27BB2EE687B0B0FDL ^ (id.length() * MIX_1);
        long low = 0x165667B19E3779F9L ^ (id.length() * MIX_2);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            high = (high ^ c) * MIX_1;
            high ^= high >>> 29;
            low = (low ^ c) * MIX_2;
            low ^= low >>> 31;
        }
        high = finish(high);
        low = finish(low);
        if (high == 0 && low == 0) {
            low = 1;
        }
        if (2 * (size + 1) > slots()) {
            grow();
        }
        if (!insert(table, high, low)) {
            return false;
        }
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private int slots() {
        return table.length / 2;
    }

    private static boolean insert(long[] into, long high, long low) {
        int mask = into.length / 2 - 1;
        int slot = (int) (low ^ (low >>> 32)) & mask;
        while (true) {
            long h = into[2 * slot];
            long l = into[2 * slot + 1];
            if (h == 0 && l == 0) {
                into[2 * slot] = high;
                into[2 * slot + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) {
                insert(bigger, table[i], table[i + 1]);
            }
        }
        table = bigger;
    }

    /** MurmurHash3's fmix64 finaliser, so every input bit reaches every output bit. */
    private static long finish(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
