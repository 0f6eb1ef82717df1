package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordIdSetTest {

    @Test
    void add_answersWhetherTheIdIsNew() {
        RecordIdSet ids = new RecordIdSet();

        assertTrue(ids.add("a"));
        assertTrue(ids.add("b"));
        assertTrue(ids.add(""));
        assertFalse(ids.add("a"));
        assertFalse(ids.add(""));
        assertEquals(3, ids.size());
    }

    @Test
    void similarIds_areAllDistinct() {
        RecordIdSet ids = new RecordIdSet();
        for (int i = 0; i < 300_000; i++) {
            assertTrue(ids.add("case-" + i), "case-" + i);
        }
        for (int i = 0; i < 300_000; i += 997) {
            assertFalse(ids.add("case-" + i));
        }
        assertEquals(300_000, ids.size());
    }

    @Test
    void randomIds_matchAHashSet() {
        Random random = new Random(42);
        RecordIdSet ids = new RecordIdSet();
        Set<String> reference = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = Integer.toString(random.nextInt(60_000), 36) + (char) ('a' + random.nextInt(3));
            assertEquals(reference.add(id), ids.add(id), id);
        }
        assertEquals(reference.size(), ids.size());
    }
}
