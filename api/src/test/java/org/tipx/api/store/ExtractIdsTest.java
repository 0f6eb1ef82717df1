package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtractIdsTest {

    @Test
    void next_isPrefixedBase32hexOfTwentyCharacters() {
        String id = new ExtractIds(new SecureRandom()).next();
        assertTrue(id.matches("ex-[0-9a-v]{20}"), id);
    }

    @Test
    void next_manyIds_areAllDistinctAndUseTheWholeAlphabet() {
        ExtractIds ids = new ExtractIds(new SecureRandom());
        Set<String> seen = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            seen.add(id);
            id.substring(ExtractIds.PREFIX.length()).chars().forEach(c -> characters.add((char) c));
        }
        assertEquals(10_000, seen.size());
        assertEquals(32, characters.size());
    }
}
