package org.tipx.api.statistics;

import org.tipx.anonymizer.cellkey.PTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.anonymizer.cellkey.ConfStatus;
import org.tipx.anonymizer.cellkey.ObsStatus;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

class TablePublisherTest {

    private static final CellKeyProtector PROTECTOR = CellKeyProtector.withDefaults();
    private static final TablePublisher PUBLISHER = TablePublisher.withDefaults();
    private static final List<String> SEXES = List.of("female", "male");
    private static final List<String> AGE_BANDS = List.of("0-8", "9-17", "18-20", "21-29", "30-38", "39-47", "48+");
    private static final List<String> CITIZENSHIPS = List.of("UA", "NG", "RO", "VN", "BG", "");
    private static final List<String> COUNTRIES = List.of("NL", "BE", "DE");
    private static final List<String> FORMS = List.of("sexual", "labour", "criminal_activity", "other");

    /**
     * Persons with uniform record keys; about 10 % are reported a second time by another agency,
     * with the same pseudonym and record key but their own country of identification, age band and
     * forms of exploitation.
     */
    private static List<CaseRecord> randomRecords(long seed, int persons) {
        Random random = new Random(seed);
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            String pseudonym = String.format(Locale.ROOT, "%064x", p + seed * 1_000_003L);
            int key = random.nextInt(PTable.KEY_SPACE);
            String sex = pick(random, SEXES);
            String citizenship = pick(random, CITIZENSHIPS);
            int year = 2020 + random.nextInt(4);
            int copies = random.nextDouble() < 0.10 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                List<String> forms = FORMS.stream().filter(f -> random.nextDouble() < 0.35).toList();
                records.add(record(pseudonym, key, year, sex, Optional.of(pick(random, AGE_BANDS)), citizenship,
                        pick(random, COUNTRIES), forms));
            }
        }
        return records;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static CaseRecord record(String pseudonym, int key, int year, String sex, Optional<String> ageBand,
                                     String citizenship, String countryOfIdentification, List<String> forms) {
        return new CaseRecord(pseudonym, true, key, year, Optional.empty(), "registered", Optional.of("police"),
                sex, OptionalInt.empty(), ageBand, Optional.empty(),
                citizenship.isEmpty() ? Optional.empty() : Optional.of(citizenship), countryOfIdentification,
                Optional.empty(), forms, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** True count and cell key of one cell, computed record by record without the builder. */
    private record Truth(long count, int key) {
    }

    private static Truth truth(List<CaseRecord> records, TableQuery query, List<String> codes) {
        Map<String, Integer> persons = new HashMap<>();
        long registrations = 0;
        int registrationKey = 0;
        for (CaseRecord r : records) {
            boolean in = query.filters().entrySet().stream()
                    .allMatch(f -> f.getKey().codes(r).stream().anyMatch(f.getValue()::contains));
            for (int i = 0; in && i < codes.size(); i++) {
                String code = codes.get(i);
                if (!code.equals(ProtectedTable.TOTAL)) {
                    in = query.by().get(i).codes(r).contains(code);
                }
            }
            if (in) {
                registrations++;
                registrationKey = (registrationKey + r.recordKey()) % 4096;
                persons.put(r.pseudonym(), r.recordKey());
            }
        }
        if (query.measure() == Measure.REGISTRATIONS) {
            return new Truth(registrations, registrationKey);
        }
        int victimKey = persons.values().stream().reduce(0, (a, b) -> (a + b) % 4096);
        return new Truth(persons.size(), victimKey);
    }

    /** The table {@code publisher} publishes from these records (counted by the scanning oracle). */
    static ProtectedTable publish(TablePublisher publisher, List<CaseRecord> records, TableQuery query) {
        return ScanningTableSource.publish(publisher, records, query, PROTECTOR);
    }

    private static ProtectedTable publish(List<CaseRecord> records, TableQuery query) {
        return publish(PUBLISHER, records, query);
    }

    private static Map<List<String>, ProtectedCell> byCodes(ProtectedTable table) {
        return table.rows().stream().collect(Collectors.toMap(ProtectedTable.Row::codes, ProtectedTable.Row::cell));
    }

    @Test
    void cellsWhoseComplementsArePublished_areTheirTrueCountAndKeyProtected_withinDAndOutsideTheGap() {
        List<CaseRecord> records = randomRecords(11, 1500);
        int d = PROTECTOR.parameters().ptable().maxPerturbation();
        int threshold = PROTECTOR.parameters().threshold();
        int published = 0;
        for (Measure measure : Measure.values()) {
            // Years hold about a quarter of the persons and sexes half: every complement is large.
            TableQuery query = TableQuery.of(measure, Dimension.YEAR, Dimension.SEX);
            ProtectedTable table = publish(records, query);
            for (ProtectedTable.Row row : table.rows()) {
                Truth truth = truth(records, query, row.codes());
                assertEquals(PROTECTOR.protect(truth.count(), truth.key()), row.cell(), row.codes().toString());
                if (row.cell().value().isPresent()) {
                    published++;
                    long value = row.cell().value().getAsLong();
                    assertTrue(value >= threshold, "no published value in 1..threshold-1: " + value);
                    assertTrue(Math.abs(value - truth.count()) <= d, "within D of the true count");
                    assertEquals(ObsStatus.NORMAL, row.cell().obsStatus());
                } else {
                    assertEquals(ConfStatus.PRIMARY_CONFIDENTIAL, row.cell().confStatus());
                }
            }
        }
        assertTrue(published > 20, "the sample must exercise published cells, got " + published);
    }

    @Test
    void rowsAreTheCodesTheReleaseLists_whoeverTheFilterKeeps() {
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            records.add(record("ua" + p, p, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
            records.add(record("ng" + p, 7 * p, 2022, "female", Optional.empty(), "NG", "BE", List.of()));
        }
        TableQuery inBelgium = new TableQuery(List.of(Dimension.CITIZENSHIP),
                Map.of(Dimension.COUNTRY_OF_IDENTIFICATION, Set.of("BE")), Measure.VICTIMS);

        Map<List<String>, ProtectedCell> rows = byCodes(publish(records, inBelgium));

        assertEquals(Set.of(List.of("NG"), List.of("UA"), List.of(ProtectedTable.TOTAL)), rows.keySet());
        assertEquals(ProtectedCell.withheld(), rows.get(List.of("UA")), "nobody in Belgium is Ukrainian: withheld, as a small count");
    }

    @Test
    void aCodeTooRareToPublishReleaseWideIsNoRow_butCountsInTheTotal() {
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 100; p++) {
            records.add(record("ua" + p, p, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
        }
        List<CaseRecord> withRare = new ArrayList<>(records);
        withRare.add(record("ro", 4000, 2022, "female", Optional.empty(), "RO", "NL", List.of()));
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.CITIZENSHIP);

        Map<List<String>, ProtectedCell> rows = byCodes(publish(withRare, query));

        assertEquals(Set.of(List.of("UA"), List.of(ProtectedTable.TOTAL)), rows.keySet());
        assertEquals(PROTECTOR.protect(101, (100 * 99 / 2 + 4000) % 4096), rows.get(List.of(ProtectedTable.TOTAL)));
        assertEquals(publish(records, query).rows().stream().map(ProtectedTable.Row::codes).toList(),
                publish(withRare, query).rows().stream().map(ProtectedTable.Row::codes).toList(),
                "the rare person changes no row");
    }

    /**
     * The differencing attack of the threat model: a cell, and the same cell with a filter listing
     * every code but the target's. Whether or not the lone target exists, the two are published
     * with one value (the second is widened to the first), so comparing them tells nothing.
     */
    @Test
    void aFilterLeavingOutOnlyALonePerson_isPublishedAsTheCellWithoutIt_whetherOrNotThePersonExists() {
        List<CaseRecord> others = new ArrayList<>();
        for (int p = 0; p < 60; p++) {
            others.add(record("ua" + p, (p * 131) % 4096, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
            others.add(record("ro" + p, (p * 71) % 4096, 2022, "female", Optional.empty(), "RO", "BE", List.of()));
        }
        List<CaseRecord> withTarget = new ArrayList<>(others);
        withTarget.add(record("target", 1234, 2022, "female", Optional.empty(), "NG", "NL", List.of()));
        TableQuery cell = new TableQuery(List.of(), Map.of(Dimension.COUNTRY_OF_IDENTIFICATION, Set.of("NL")),
                Measure.VICTIMS);
        TableQuery allButTheTarget = new TableQuery(List.of(), Map.of(Dimension.COUNTRY_OF_IDENTIFICATION, Set.of("NL"),
                Dimension.CITIZENSHIP, Set.of("UA", "RO", "BG", "unknown", "XX")), Measure.VICTIMS);

        for (List<CaseRecord> world : List.of(others, withTarget)) {
            assertEquals(publish(world, cell).rows(), publish(world, allButTheTarget).rows());
        }
    }

    @Test
    void aRowWhoseRestIsOneLonePerson_isPublishedAsItsTotal() {
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 60; p++) {
            records.add(record("ua" + p, (p * 131) % 4096, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
        }
        records.add(record("lone", 77, 2022, "male", Optional.empty(), "UA", "NL", List.of()));

        Map<List<String>, ProtectedCell> rows = byCodes(publish(records, TableQuery.of(Measure.VICTIMS, Dimension.SEX)));

        assertEquals(rows.get(List.of(ProtectedTable.TOTAL)), rows.get(List.of("female")));
    }

    @Test
    void aSeveralCodeFilterWithAWithheldPart_isNarrowedToItsPublishedParts() {
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 100; p++) {
            records.add(record("ua" + p, (p * 131) % 4096, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
        }
        for (int p = 0; p < 50; p++) {
            records.add(record("ro" + p, (p * 71) % 4096, 2022, "female", Optional.empty(), "RO", "NL", List.of()));
        }
        records.add(record("lone", 77, 2022, "female", Optional.empty(), "NG", "NL", List.of()));
        TableQuery ukrainians = new TableQuery(List.of(), Map.of(Dimension.CITIZENSHIP, Set.of("UA")), Measure.VICTIMS);
        TableQuery withTheLone = new TableQuery(List.of(), Map.of(Dimension.CITIZENSHIP, Set.of("UA", "NG")),
                Measure.VICTIMS);

        Truth ua = truth(records, ukrainians, List.of());
        ProtectedCell published = publish(records, ukrainians).rows().getFirst().cell();
        assertEquals(PROTECTOR.protect(ua.count(), ua.key()), published);
        assertEquals(published, publish(records, withTheLone).rows().getFirst().cell(),
                "the lone person's code leaves the filter");
    }

    @Test
    void theGridsTheClosureRuleCountsForOneTable_stayWithinABudget() {
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 100; p++) {
            records.add(record("ua" + p, (p * 131) % 4096, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
        }
        records.add(record("lone", 77, 2022, "female", Optional.empty(), "NG", "NL", List.of()));
        // No breakdown, a hidden citizenship axis of two codes and its total: every grid has 3 cells. The closure
        // rule reads the filtered grid, the grid without the filter, and the grid narrowed to the published code.
        TableQuery withTheLone = new TableQuery(List.of(), Map.of(Dimension.CITIZENSHIP, Set.of("UA", "NG")),
                Measure.VICTIMS);
        ProtectedTable expected = publish(records, withTheLone);

        TablePublisher oneGrid = new TablePublisher(TablePublisher.DEFAULT_MAX_CELLS,
                TablePublisher.DEFAULT_MAX_WITHHELD_SHARE, 3);
        QueryRuleException e = assertThrows(QueryRuleException.class, () -> publish(oneGrid, records, withTheLone));
        assertEquals(QueryRuleException.TOO_MANY_CELLS, e.rule());
        assertTrue(e.getMessage().contains("more than 3 cells") && e.getMessage().contains("closure rule"),
                e.getMessage());
        TablePublisher threeGrids = new TablePublisher(TablePublisher.DEFAULT_MAX_CELLS,
                TablePublisher.DEFAULT_MAX_WITHHELD_SHARE, 9);
        assertEquals(expected, publish(threeGrids, records, withTheLone));
    }

    @Test
    void aFilterOnABreakdownDimensionKeepsOnlyItsCodes() {
        List<CaseRecord> records = randomRecords(17, 1000);
        TableQuery query = new TableQuery(List.of(Dimension.EXPLOITATION),
                Map.of(Dimension.EXPLOITATION, Set.of("sexual", "labour")), Measure.REGISTRATIONS);

        List<List<String>> codes = publish(records, query).rows().stream()
                .map(ProtectedTable.Row::codes).toList();

        assertEquals(List.of(List.of("labour"), List.of("sexual"), List.of(ProtectedTable.TOTAL)), codes);
    }

    @Test
    void sameQueryTwiceGivesIdenticalTables() {
        List<CaseRecord> records = randomRecords(5, 800);
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.SEX, Dimension.EXPLOITATION);

        assertEquals(publish(records, query), publish(records, query));
    }

    @Test
    void sameCellThroughAFilterOrThroughARowIsPublishedIdentically() {
        List<CaseRecord> records = randomRecords(7, 2000);
        for (Measure measure : Measure.values()) {
            ProtectedTable filtered = publish(records,
                    new TableQuery(List.of(Dimension.SEX), Map.of(Dimension.CITIZENSHIP, Set.of("UA")), measure));
            Map<List<String>, ProtectedCell> crossed =
                    byCodes(publish(records, TableQuery.of(measure, Dimension.SEX, Dimension.CITIZENSHIP)));
            assertEquals(3, filtered.rows().size());
            for (ProtectedTable.Row row : filtered.rows()) {
                assertEquals(row.cell(), crossed.get(List.of(row.codes().get(0), "UA")), row.codes().toString());
            }
        }
    }

    @Test
    void aPersonReportedByTwoAgenciesCountsOnceAsVictimAndTwiceAsRegistrations() {
        List<CaseRecord> records = new ArrayList<>();
        int keySum = 0;
        for (int p = 0; p < 30; p++) {
            int key = (p * 977) % 4096;
            keySum += key;
            records.add(record("person" + p, key, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
        }
        records.add(record("twice", 123, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
        records.add(record("twice", 123, 2022, "female", Optional.empty(), "UA", "BE", List.of()));
        TableQuery victims = TableQuery.of(Measure.VICTIMS, Dimension.SEX);
        TableQuery registrations = TableQuery.of(Measure.REGISTRATIONS, Dimension.SEX);

        ProtectedCell victimCell = byCodes(publish(records, victims)).get(List.of("female"));
        ProtectedCell registrationCell = byCodes(publish(records, registrations)).get(List.of("female"));

        assertEquals(PROTECTOR.protect(31, (keySum + 123) % 4096), victimCell);
        assertEquals(PROTECTOR.protect(32, (keySum + 246) % 4096), registrationCell);
    }

    @Test
    void aPersonWhoseAgenciesDisagreeCountsInEachValueAndOnceInTheTotal() {
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            records.add(record("person" + p, p, 2022, "female", Optional.of("21-29"), "UA", "NL", List.of("labour")));
        }
        records.add(record("twice", 7, 2022, "female", Optional.of("18-20"), "UA", "NL", List.of("sexual")));
        records.add(record("twice", 7, 2022, "female", Optional.of("21-29"), "UA", "BE", List.of("sexual", "labour")));
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.AGE_BAND);
        TablePublisher lenient = new TablePublisher(100, 1);

        Map<List<String>, ProtectedCell> table = byCodes(publish(lenient, records, query));

        int keys = 40 * 39 / 2;
        assertEquals(PROTECTOR.protect(41, (keys + 7) % 4096), table.get(List.of("21-29")));
        assertFalse(table.containsKey(List.of("18-20")), "one person: too rare to be a row");
        assertEquals(PROTECTOR.protect(41, (keys + 7) % 4096), table.get(List.of(ProtectedTable.TOTAL)));
    }

    @Test
    void totalsArePresentForEveryCombinationAndPerturbedOnTheirOwn() {
        List<CaseRecord> records = randomRecords(13, 3000);
        TableQuery query = TableQuery.of(Measure.REGISTRATIONS, Dimension.YEAR, Dimension.SEX);
        ProtectedTable table = publish(records, query);
        Map<List<String>, ProtectedCell> cells = byCodes(table);

        List<String> years = List.of("2020", "2021", "2022", "2023", ProtectedTable.TOTAL);
        List<String> sexes = List.of("female", "male", ProtectedTable.TOTAL);
        assertEquals(years.size() * sexes.size(), table.rows().size());
        int totalsNotSummingUp = 0;
        for (String year : years) {
            for (String sex : sexes) {
                assertTrue(cells.containsKey(List.of(year, sex)), year + "/" + sex);
            }
            long parts = cells.get(List.of(year, "female")).value().orElseThrow()
                    + cells.get(List.of(year, "male")).value().orElseThrow();
            if (parts != cells.get(List.of(year, ProtectedTable.TOTAL)).value().orElseThrow()) {
                totalsNotSummingUp++;
            }
        }
        assertTrue(totalsNotSummingUp > 0, "totals are perturbed independently of their parts");
        assertEquals(List.of(ProtectedTable.TOTAL, ProtectedTable.TOTAL), table.rows().getLast().codes());
        assertEquals(List.of("2020", "female"), table.rows().getFirst().codes());
    }

    @Test
    void recordsWithoutAValueOrAFormCountUnderUnknown() {
        CaseRecord bare = record("x", 1, 2022, "female", Optional.empty(), "", "NL", List.of());

        assertEquals(List.of(Dimension.UNKNOWN), Dimension.AGE_BAND.codes(bare));
        assertEquals(List.of(Dimension.UNKNOWN), Dimension.CITIZENSHIP.codes(bare));
        assertEquals(List.of(Dimension.UNKNOWN), Dimension.EXPLOITATION.codes(bare));
        CaseRecord twoForms = record("y", 1, 2022, "female", Optional.empty(), "UA", "NL",
                List.of("sexual", "labour", "sexual"));
        assertEquals(List.of("sexual", "labour"), Dimension.EXPLOITATION.codes(twoForms));
    }

    @Test
    void dimensionsAreFoundByTheirIds() {
        for (Dimension dimension : Dimension.values()) {
            assertEquals(Optional.of(dimension), Dimension.byId(dimension.id()));
        }
        assertEquals(Optional.empty(), Dimension.byId("given_name"));
        assertEquals(Optional.of(Dimension.AGE_BAND), Dimension.byId("age_band"));
    }

    @Test
    void duplicateDimensionIsRefused() {
        QueryRuleException e = assertThrows(QueryRuleException.class,
                () -> TableQuery.of(Measure.VICTIMS, Dimension.SEX, Dimension.SEX));

        assertEquals(QueryRuleException.DUPLICATE_DIMENSION, e.rule());
        assertTrue(e.getMessage().contains("sex"), e.getMessage());
    }

    @Test
    void fiveRestrictedDimensionsAreRefusedButYearAndCountryOfIdentificationAreFree() {
        QueryRuleException e = assertThrows(QueryRuleException.class, () -> TableQuery.of(Measure.VICTIMS,
                Dimension.SEX, Dimension.AGE_BAND, Dimension.CITIZENSHIP, Dimension.EXPLOITATION, Dimension.STATUS));
        assertEquals(QueryRuleException.TOO_MANY_DIMENSIONS, e.rule());
        assertTrue(e.getMessage().startsWith("too-many-dimensions: "), e.getMessage());

        TableQuery six = TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.COUNTRY_OF_IDENTIFICATION,
                Dimension.SEX, Dimension.AGE_BAND, Dimension.CITIZENSHIP, Dimension.EXPLOITATION);
        assertEquals(6, six.by().size());
    }

    @Test
    void tooManyCellsIsRefused() {
        List<CaseRecord> records = randomRecords(3, 500);
        TablePublisher small = new TablePublisher(20, TablePublisher.DEFAULT_MAX_WITHHELD_SHARE);

        QueryRuleException e = assertThrows(QueryRuleException.class, () -> publish(small, records, TableQuery.of(Measure.REGISTRATIONS, Dimension.YEAR, Dimension.CITIZENSHIP)));

        assertEquals(QueryRuleException.TOO_MANY_CELLS, e.rule());
        assertTrue(e.getMessage().contains("20"), e.getMessage());
        // (4 years + total) x (3 countries + total) = 20 rows: just allowed.
        assertEquals(20, publish(small, records, TableQuery.of(Measure.REGISTRATIONS, Dimension.YEAR,
                Dimension.COUNTRY_OF_IDENTIFICATION)).rows().size());
    }

    @Test
    void sparseTableIsRefusedOnItsWithheldCellsAlone() {
        List<CaseRecord> records = randomRecords(9, 300);
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.SEX, Dimension.AGE_BAND,
                Dimension.CITIZENSHIP, Dimension.COUNTRY_OF_IDENTIFICATION);

        QueryRuleException e = assertThrows(QueryRuleException.class, () -> publish(records, query));

        assertEquals(QueryRuleException.TOO_SPARSE, e.rule());
        assertEquals("too-sparse: more than 80 % of the inner cells would be withheld; "
                + "use fewer dimensions or wider filters", e.getMessage());
        // The rule reads only protected cells: a builder that allows any share publishes the same
        // table whose inner cells are indeed mostly withheld.
        ProtectedTable allowed = publish(new TablePublisher(TablePublisher.DEFAULT_MAX_CELLS, 1), records, query);
        List<ProtectedTable.Row> inner = allowed.rows().stream()
                .filter(r -> !r.codes().contains(ProtectedTable.TOTAL)).toList();
        long withheld = inner.stream().filter(r -> r.cell().value().isEmpty()).count();
        assertTrue(withheld > 0.8 * inner.size());
        assertFalse(publish(records, TableQuery.of(Measure.VICTIMS, Dimension.SEX)).rows().isEmpty());
    }

    @Test
    void aTotalOnlyTableIsNeverRefusedAsSparse() {
        List<CaseRecord> records = List.of(record("only", 5, 2022, "female", Optional.empty(), "UA", "NL", List.of()));

        ProtectedTable table = publish(records, TableQuery.of(Measure.VICTIMS));

        assertEquals(List.of(new ProtectedTable.Row(List.of(), ProtectedCell.withheld())), table.rows());
    }

    /** The release build's measurement reads the tables exactly as the API publishes them. */
    @Test
    void releaseFigures_measureEveryPublishedRowAgainstItsTrueCount_andPublishTheGrandTotals() {
        List<CaseRecord> records = randomRecords(21, 2500);
        List<List<Dimension>> tables = List.of(List.of(Dimension.YEAR, Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.SEX),
                List.of(Dimension.YEAR, Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.EXPLOITATION));
        long cells = 0;
        long withheld = 0;
        long changed = 0;
        long absoluteChange = 0;
        for (List<Dimension> by : tables) {
            TableQuery query = new TableQuery(by, Map.of(), Measure.VICTIMS);
            for (ProtectedTable.Row row : publish(records, query).rows()) {
                cells++;
                long trueCount = truth(records, query, row.codes()).count();
                if (row.cell().value().isEmpty()) {
                    withheld++;
                } else if (row.cell().value().getAsLong() != trueCount) {
                    changed++;
                    absoluteChange += Math.abs(row.cell().value().getAsLong() - trueCount);
                }
            }
        }

        TablePublisher.ReleaseFigures figures = PUBLISHER.releaseFigures(records, tables, PROTECTOR);
        TableEffect effect = figures.effect();

        assertEquals(new TableEffect(cells, withheld, changed, absoluteChange), effect);
        assertTrue(changed > 0, effect.toString());
        assertEquals(publish(records, TableQuery.of(Measure.VICTIMS)).rows().getFirst().cell(), figures.victims());
        assertEquals(publish(records, TableQuery.of(Measure.REGISTRATIONS)).rows().getFirst().cell(),
                figures.registrations());
    }

    @Test
    void tableTextShowsNoTrueCount() {
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            records.add(record("p" + p, 1000 + p, 2022, "female", Optional.empty(), "UA", "NL", List.of()));
        }
        ProtectedTable table = publish(new TablePublisher(100, 1), records, TableQuery.of(Measure.VICTIMS, Dimension.SEX));

        assertTrue(table.rows().stream().allMatch(r -> r.cell().value().isEmpty()));
        assertFalse(table.toString().contains("3"), table.toString());
        assertFalse(table.toString().contains("3003"), table.toString());
    }
}
