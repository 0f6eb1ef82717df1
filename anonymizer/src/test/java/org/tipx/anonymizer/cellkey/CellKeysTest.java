package org.tipx.anonymizer.cellkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CellKeysTest {

    @Test
    void cellKey_isTheSumOfRecordKeysModulo4096() {
        assertEquals(0, CellKeys.cellKey(IntStream.empty()));
        assertEquals((4000 + 100 + 7) % 4096, CellKeys.cellKey(IntStream.of(4000, 100, 7)));
        assertEquals(11, CellKeys.combine(4095, 12));
    }

    @Test
    void cellKey_ofAShuffledCell_isTheSame() {
        int[] keys = new SplittableRandom(11).ints(500, 0, 4096).toArray();
        int[] reversed = IntStream.range(0, keys.length).map(i -> keys[keys.length - 1 - i]).toArray();
        assertEquals(CellKeys.cellKey(IntStream.of(keys)), CellKeys.cellKey(IntStream.of(reversed)));
        assertEquals(CellKeys.cellKey(IntStream.of(keys)), CellKeys.cellKey(IntStream.of(keys).parallel()));
    }

    @Test
    void combine_keyOutOfRange_throwsQuotingIt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellKeys.combine(1, 4096))
                .getMessage().contains("4096"));
        assertThrows(IllegalArgumentException.class, () -> CellKeys.cellKey(IntStream.of(3, -1)));
    }

    @Test
    void accumulator_mergedParts_equalOnePass() {
        int[] keys = new SplittableRandom(12).ints(1000, 0, 4096).toArray();
        CellKeyAccumulator whole = new CellKeyAccumulator();
        CellKeyAccumulator left = new CellKeyAccumulator();
        CellKeyAccumulator right = new CellKeyAccumulator();
        for (int i = 0; i < keys.length; i++) {
            whole.add(keys[i]);
            (i < 300 ? left : right).add(keys[i]);
        }
        left.merge(right);
        assertEquals(1000, whole.count());
        assertEquals(whole.count(), left.count());
        assertEquals(whole.cellKey(), left.cellKey());
        assertEquals(CellKeys.cellKey(IntStream.of(keys)), whole.cellKey());
    }

    @Test
    void accumulator_toString_revealsNeitherCountNorKey() {
        CellKeyAccumulator cell = new CellKeyAccumulator().add(1234).add(5);
        assertTrue(cell.toString().chars().noneMatch(Character::isDigit), cell.toString());
    }
}
