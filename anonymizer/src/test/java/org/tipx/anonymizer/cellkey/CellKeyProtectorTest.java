package org.tipx.anonymizer.cellkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CellKeyProtectorTest {

    private final CellKeyProtector protector = CellKeyProtector.withDefaults();

    /** A record as the statistics API sees it: a few classifying attributes and its record key. */
    private record Person(int region, int sex, int ageGroup, int recordKey) {
    }

    private static List<Person> population(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, size)
                .mapToObj(i -> new Person(random.nextInt(6), random.nextInt(2), random.nextInt(4), random.nextInt(4096)))
                .toList();
    }

    @Test
    void protect_neverPublishesAValueBelowTheThreshold() {
        for (int count = 0; count <= 60; count++) {
            for (int key = 0; key < PTable.KEY_SPACE; key++) {
                ProtectedCell cell = protector.protect(count, key);
                if (cell.value().isPresent()) {
                    assertTrue(cell.value().getAsLong() >= 10, "count " + count + " published " + cell.value());
                    assertEquals(ObsStatus.NORMAL, cell.obsStatus());
                    assertEquals(ConfStatus.FREE, cell.confStatus());
                } else {
                    assertEquals(ObsStatus.MISSING_SUPPRESSED, cell.obsStatus());
                    assertEquals(ConfStatus.PRIMARY_CONFIDENTIAL, cell.confStatus());
                }
            }
        }
    }

    @Test
    void protect_smallCount_isWithheldAndFlaggedQandA() {
        ProtectedCell cell = protector.protect(3, 100);
        assertEquals(OptionalLong.empty(), cell.value());
        assertEquals("Q", cell.obsStatus().code());
        assertEquals("A", cell.confStatus().code());
    }

    @Test
    void protect_largeCount_isPublishedWithinDAndFlaggedAandF() {
        ProtectedCell cell = protector.protect(1000, 2048);
        assertTrue(Math.abs(cell.value().orElseThrow() - 1000) <= 5, cell.toString());
        assertEquals("A", cell.obsStatus().code());
        assertEquals("F", cell.confStatus().code());
    }

    @Test
    void protectedCell_carriesNeitherTrueCountNorCellKey() {
        assertEquals(List.of("value", "obsStatus", "confStatus"),
                Arrays.stream(ProtectedCell.class.getRecordComponents()).map(c -> c.getName()).toList());
        ProtectedCell withheld = protector.protect(7, 1234);
        assertTrue(withheld.toString().chars().noneMatch(Character::isDigit), withheld.toString());
    }

    @Test
    void protectedCell_flagsThatContradictTheValue_areRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProtectedCell(OptionalLong.of(12), ObsStatus.MISSING_SUPPRESSED, ConfStatus.PRIMARY_CONFIDENTIAL));
        assertThrows(IllegalArgumentException.class,
                () -> new ProtectedCell(OptionalLong.empty(), ObsStatus.NORMAL, ConfStatus.FREE));
        assertThrows(IllegalArgumentException.class,
                () -> new ProtectedCell(OptionalLong.of(12), ObsStatus.NORMAL, ConfStatus.PRIMARY_CONFIDENTIAL));
    }

    @Test
    void protect_badCountOrParameters_throwQuotingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> protector.protect(-1, 0))
                .getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ProtectionParameters(PTableParameters.DEFAULTS, -3)).getMessage().contains("-3"));
    }

    @Test
    void sameCell_reachedThroughTwoDifferentTables_isPublishedIdentically() {
        List<Person> people = population(2026, 5000);
        // Table 1: region x sex, in one pass.
        Map<List<Integer>, CellKeyAccumulator> regionBySex = new HashMap<>();
        // Table 2: region x sex x age group; its region x sex margin is formed by merging.
        Map<List<Integer>, CellKeyAccumulator> regionBySexByAge = new HashMap<>();
        for (Person p : people) {
            regionBySex.computeIfAbsent(List.of(p.region(), p.sex()), k -> new CellKeyAccumulator()).add(p.recordKey());
            regionBySexByAge.computeIfAbsent(List.of(p.region(), p.sex(), p.ageGroup()), k -> new CellKeyAccumulator())
                    .add(p.recordKey());
        }
        Map<List<Integer>, CellKeyAccumulator> margin = new HashMap<>();
        regionBySexByAge.forEach((k, cell) ->
                margin.computeIfAbsent(List.of(k.get(0), k.get(1)), x -> new CellKeyAccumulator()).merge(cell));
        CellKeyProtector another = new CellKeyProtector(ProtectionParameters.DEFAULTS);
        assertEquals(12, regionBySex.size());
        regionBySex.forEach((k, cell) -> {
            assertEquals(cell.count(), margin.get(k).count());
            assertEquals(protector.protect(cell), another.protect(margin.get(k)), "cell " + k);
        });
    }

    @Test
    void averagingAttack_repeatedQueriesReturnOneValue_soTheirVarianceIsZero() {
        List<Person> people = population(7, 3000);
        int repeats = 1000;
        double[] answers = new double[repeats];
        SplittableRandom shuffle = new SplittableRandom(8);
        for (int r = 0; r < repeats; r++) {
            // Each repeat scans the records from a different starting point, as another query plan would.
            int start = shuffle.nextInt(people.size());
            CellKeyAccumulator cell = new CellKeyAccumulator();
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get((start + i) % people.size());
                if (p.region() == 2 && p.sex() == 1 && p.ageGroup() == 3) {
                    cell.add(p.recordKey());
                }
            }
            answers[r] = protector.protect(cell).value().orElseThrow();
        }
        double mean = Arrays.stream(answers).average().orElseThrow();
        double variance = Arrays.stream(answers).map(a -> (a - mean) * (a - mean)).sum() / repeats;
        assertEquals(0.0, variance, "repeating a query must teach the attacker nothing");
    }

    @Test
    void withholds_decidesAsProtectDoes_forEveryKeyAndCountAroundTheThreshold() {
        CellKeyProtector protector = CellKeyProtector.withDefaults();
        for (long count = 0; count <= 40; count++) {
            for (int key = 0; key < PTable.KEY_SPACE; key++) {
                assertEquals(protector.protect(count, key).value().isEmpty(), protector.withholds(count, key),
                        count + "/" + key);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> protector.withholds(100, PTable.KEY_SPACE));
        assertThrows(IllegalArgumentException.class, () -> protector.withholds(-1, 0));
    }
}
