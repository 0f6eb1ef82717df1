package org.tipx.api.release;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.anonymizer.AnonymizationResult;
import org.tipx.anonymizer.Anonymizer;
import org.tipx.anonymizer.Dataset;
import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.anonymize.CaseRecordTable;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.Period;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.format.ManifestJson;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.store.Agency;
import org.tipx.api.store.StoredExtract;
import org.tipx.api.store.TestStores;
import org.tipx.api.store.TipxStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The release build on the embedded store, records written straight into it. */
class ReleaseBuilderTest {

    private static final Period Q1 = new Period(2025, 1);
    private static final Period Q2 = new Period(2025, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private TipxStore store;

    @BeforeEach
    void openStore() {
        store = TestStores.fresh();
        store.createAgency(new Agency("ua-police", "UA police", "UA", "police", CLOCK.instant(), true), "hash-ua");
        store.createAgency(new Agency("md-ngo", "MD NGO", "MD", "ngo", CLOCK.instant(), true), "hash-md");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void samePerson_reportedByTwoAgencies_isOneVictimAndTwoRegistrations() {
        Random random = new Random(1);
        write("ua-police", Q1, persons("p", 0, 200, 2025, "UA", random));
        List<CaseRecord> md = new ArrayList<>(persons("p", 0, 50, 2025, "MD", random)); // p0..p49 again
        md.addAll(persons("q", 0, 100, 2025, "MD", random));
        write("md-ngo", Q1, md);

        ReleaseManifest manifest = builder().build();

        assertEquals(new ReleaseManifest.Counts(350, 300, 300), manifest.counts());
        assertEquals(300, microdataRows(manifest.id()).size());
    }

    @Test
    void representative_isTheEarliestYear_thenTheFirstInManifestOrder() {
        Random random = new Random(2);
        List<CaseRecord> records = List.of(
                People.record("a", 2024, "UA", random), // 0
                People.record("b", 2023, "UA", random), // 1
                People.record("a", 2022, "MD", random), // 2: a's earliest
                People.record("b", 2023, "MD", random), // 3: tie with 1, which stays
                People.record("a", 2022, "MD", random)); // 4: tie with 2, which stays

        ReleaseBuilder.Persons persons = ReleaseBuilder.Persons.of(records);

        assertEquals(2, persons.count());
        assertEquals(List.of(records.get(2), records.get(1)), persons.representatives(records));
    }

    @Test
    void noCurrentExtracts_failsWithNothingStored() {
        ReleaseException e = assertThrows(ReleaseException.class, () -> builder().build());

        assertEquals(ReleaseException.Reason.NO_CURRENT_EXTRACTS, e.reason());
        assertTrue(store.releases().isEmpty());
    }

    @Test
    void fewerPersonsThanK_failsWithNothingStored() {
        write("ua-police", Q1, persons("p", 0, 5, 2025, "UA", new Random(3)));

        ReleaseException e = assertThrows(ReleaseException.class, () -> builder().build());

        assertEquals(ReleaseException.Reason.CANNOT_ANONYMISE, e.reason());
        assertTrue(store.releases().isEmpty());
    }

    @Test
    void tamperedAnonymisation_isCaughtByTheVerifier_andNothingIsStored() {
        List<CaseRecord> records = persons("p", 0, 300, 2025, "UA", new Random(4));
        write("ua-police", Q1, records);
        // A faulty anonymiser: reports its search but publishes the table it was given, ungeneralised.
        ReleaseBuilder.AnonymizationStep tampered = (table, config) -> {
            AnonymizationResult honest = Anonymizer.anonymize(table, config);
            return new AnonymizationResult(table, honest.report());
        };

        ReleaseException e = assertThrows(ReleaseException.class,
                () -> new ReleaseBuilder(store, ReleaseSettings.DEFAULTS, CLOCK, tampered).build());

        assertEquals(ReleaseException.Reason.UNSAFE_OUTPUT, e.reason());
        assertTrue(e.getMessage().contains("smaller than k = 11"), e.getMessage());
        for (CaseRecord record : records) {
            assertFalse(e.getMessage().contains(record.pseudonym() + ","), "no record content in the message");
        }
        assertTrue(store.releases().isEmpty());
        assertTrue(store.latestRelease().isEmpty());
        assertEquals(0, store.releasesOn(CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate()));
    }

    @Test
    void microdata_isKAnonymousOnEveryCombinationOfQuasiIdentifiers() {
        Random random = new Random(5);
        write("ua-police", Q1, persons("p", 0, 400, 2024, "UA", random));
        write("md-ngo", Q2, persons("q", 0, 250, 2025, "MD", random));

        ReleaseManifest manifest = builder().build();
        List<Map<String, String>> rows = microdataRows(manifest.id());

        List<String> qis = CaseRecordTable.QUASI_IDENTIFIERS;
        List<Map<String, String>> suppressed = rows.stream()
                .filter(row -> qis.stream().allMatch(q -> row.get(q).equals("*"))).toList();
        assertTrue(suppressed.size() <= Math.floor(0.05 * rows.size()), "suppressed within the limit");
        assertEquals(manifest.microdata().suppressedRecords(), suppressed.size());
        List<Map<String, String>> published = rows.stream().filter(row -> !suppressed.contains(row)).toList();
        for (int mask = 1; mask < 1 << qis.size(); mask++) {
            Map<List<String>, Integer> classes = new HashMap<>();
            for (Map<String, String> row : published) {
                List<String> key = new ArrayList<>();
                for (int q = 0; q < qis.size(); q++) {
                    if ((mask & 1 << q) != 0) {
                        key.add(row.get(qis.get(q)));
                    }
                }
                classes.merge(key, 1, Integer::sum);
            }
            for (int size : classes.values()) {
                assertTrue(size >= 11, "a class of " + size + " over QI subset " + mask);
            }
        }
        assertTrue(manifest.microdata().smallestClass() >= 11);
    }

    @Test
    void aLoneLabourInspectionPerson_doesNotKeepThatValueInAClassSmallerThanK() {
        Random random = new Random(13);
        List<CaseRecord> records = new ArrayList<>(persons("p", 0, 400, 2025, "UA", random));
        // An ordinary person in every other column: only identified_by sets them apart.
        CaseRecord lone = People.identifiedBy(People.record("lone", 2025, "UA", random), "labour_inspection");
        records.add(lone);
        write("ua-police", Q1, records);

        ReleaseManifest manifest = builder().build();
        List<Map<String, String>> rows = microdataRows(manifest.id());

        assertEquals(401, rows.size());
        assertTrue(rows.stream().noneMatch(row -> row.get(CaseRecordTable.IDENTIFIED_BY).equals("labour_inspection")),
                "one person holds labour_inspection: it must be generalised or suppressed");
        // Every published row, its status and identified_by included, lies in a class of at least k.
        Map<List<String>, Integer> classes = new HashMap<>();
        for (Map<String, String> row : rows) {
            List<String> key = CaseRecordTable.COLUMNS.stream().map(row::get).toList();
            if (!key.stream().allMatch("*"::equals)) {
                classes.merge(key, 1, Integer::sum);
            }
        }
        classes.forEach((key, size) -> assertTrue(size >= 11, "a class of " + size));
        List<String> qis = manifest.microdata().quasiIdentifiers().stream()
                .map(ReleaseManifest.QuasiIdentifier::column).toList();
        assertTrue(qis.containsAll(List.of(CaseRecordTable.STATUS, CaseRecordTable.IDENTIFIED_BY)), qis.toString());
    }

    @Test
    void anAnonymisationThatLeavesStatusAndIdentifiedByOut_isCaughtByTheVerifier() {
        Random random = new Random(13);
        List<CaseRecord> records = new ArrayList<>(persons("p", 0, 400, 2025, "UA", random));
        records.add(People.identifiedBy(People.record("lone", 2025, "UA", random), "labour_inspection"));
        write("ua-police", Q1, records);
        // The configuration before the attack review: both columns published as recorded, outside the classes.
        ReleaseBuilder.AnonymizationStep oldColumns = (table, config) -> {
            org.tipx.anonymizer.AnonymizationConfig.Builder without = org.tipx.anonymizer.AnonymizationConfig.builder();
            config.quasiIdentifiers().forEach((column, hierarchy) -> {
                if (!column.equals(CaseRecordTable.STATUS) && !column.equals(CaseRecordTable.IDENTIFIED_BY)) {
                    without.quasiIdentifier(column, hierarchy);
                }
            });
            return Anonymizer.anonymize(table, without.model(config.models().getFirst())
                    .suppressionLimit(config.suppressionLimit()).metric(config.metric()).build());
        };

        ReleaseException e = assertThrows(ReleaseException.class,
                () -> new ReleaseBuilder(store, ReleaseSettings.DEFAULTS, CLOCK, oldColumns).build());

        assertEquals(ReleaseException.Reason.UNSAFE_OUTPUT, e.reason());
        assertTrue(store.releases().isEmpty());
    }

    @Test
    void protectedTotals_areTheGrandTotalsThePublicStatisticsPublish() {
        Random random = new Random(14);
        write("ua-police", Q1, persons("p", 0, 300, 2025, "UA", random));
        List<CaseRecord> md = new ArrayList<>(persons("p", 0, 60, 2025, "MD", random)); // 60 of them again
        md.addAll(persons("q", 0, 90, 2025, "MD", random));
        write("md-ngo", Q1, md);

        ReleaseManifest manifest = builder().build();
        List<CaseRecord> records = records(new ReleaseCatalog(store), manifest.id());
        CellKeyProtector protector = new CellKeyProtector(ProtectionParameters.DEFAULTS);
        ReleaseManifest.ProtectedCounts totals = manifest.protectedCounts().orElseThrow();

        assertEquals(grandTotal(records, Measure.VICTIMS, protector), totals.victims());
        assertEquals(grandTotal(records, Measure.REGISTRATIONS, protector), totals.registrations());
        assertEquals(new ReleaseManifest.Counts(450, 390, 390), manifest.counts(), "the exact counts, beside them");
        // Fixed data, so fixed keys: here the perturbation moves at least one total off its exact count.
        assertTrue(totals.victims().value().orElseThrow() != 390 || totals.registrations().value().orElseThrow() != 450,
                totals.toString());
        assertEquals(manifest.protectedCounts(),
                ManifestJson.read(store.release(manifest.id()).orElseThrow().manifest()).protectedCounts());
    }

    @Test
    void protectedTotals_belowTheThreshold_areWithheld() {
        write("ua-police", Q1, persons("p", 0, 30, 2025, "UA", new Random(15)));
        // A threshold above any perturbed value of 30 persons (D = 5): both totals are withheld.
        ProtectionParameters protection = new ProtectionParameters(ProtectionParameters.DEFAULTS.ptable(), 40);

        ReleaseManifest manifest = new ReleaseBuilder(store, new ReleaseSettings(11, 0.05, protection), CLOCK).build();

        ReleaseManifest.ProtectedCounts totals = manifest.protectedCounts().orElseThrow();
        assertEquals(org.tipx.anonymizer.cellkey.ProtectedCell.withheld(), totals.victims());
        assertEquals(org.tipx.anonymizer.cellkey.ProtectedCell.withheld(), totals.registrations());
    }

    @Test
    void microdata_marksSuppressedAndNotKnownDistinctly_andHoldsNoPseudonym() {
        Random random = new Random(6);
        List<CaseRecord> records = persons("person-", 0, 400, 2025, "UA", random);
        write("ua-police", Q1, records);

        ReleaseManifest manifest = builder().build();
        String csv = microdata(manifest.id());
        List<Map<String, String>> rows = microdataRows(manifest.id());

        assertEquals(String.join(",", CaseRecordTable.COLUMNS), csv.lines().findFirst().orElseThrow());
        assertTrue(rows.stream().anyMatch(row -> row.containsValue("*")), "some value suppressed");
        assertTrue(rows.stream().anyMatch(row -> row.get(CaseRecordTable.IDENTIFIED_BY).isEmpty()),
                "identified_by not recorded is empty");
        for (Map<String, String> row : rows) {
            for (String value : row.values()) {
                assertFalse(Set.of("unknown", "XX", "Unknown").contains(value), value);
            }
        }
        String manifestJson = store.release(manifest.id()).orElseThrow().manifest();
        for (CaseRecord record : records) {
            assertFalse(csv.contains(record.pseudonym()), "no pseudonym in the microdata");
            assertFalse(manifestJson.contains(record.pseudonym()), "no pseudonym in the manifest");
        }
    }

    @Test
    void manifest_statesInputsCountsAndEveryParameter_andReadsBackFromItsJson() {
        Random random = new Random(7);
        StoredExtract ua = write("ua-police", Q1, persons("p", 0, 300, 2024, "UA", random));
        StoredExtract md = write("md-ngo", Q2, persons("q", 0, 200, 2025, "MD", random));

        ReleaseManifest manifest = builder().build();

        assertEquals("2026-11-23.1", manifest.id());
        assertEquals(CLOCK.instant(), manifest.created());
        assertEquals(List.of(
                new ReleaseManifest.InputExtract(md.id(), "md-ngo", "MD", "2025-Q2", md.sha256(), 200),
                new ReleaseManifest.InputExtract(ua.id(), "ua-police", "UA", "2025-Q1", ua.sha256(), 300)),
                manifest.extracts());
        assertEquals(11, manifest.microdata().k());
        assertEquals(CaseRecordTable.QUASI_IDENTIFIERS,
                manifest.microdata().quasiIdentifiers().stream().map(ReleaseManifest.QuasiIdentifier::column).toList());
        assertEquals(0.05, manifest.microdata().suppressionLimit());
        assertEquals(0.41, manifest.microdata().ctdcSuppressedShare());
        ReleaseManifest.CellKey cellKey = manifest.cellKey();
        assertEquals(5, cellKey.maxPerturbation());
        assertEquals(3.0, cellKey.variance());
        assertEquals(2, cellKey.smallestPublishedNonZero());
        assertTrue(cellKey.pStay().isEmpty());
        assertEquals(10, cellKey.threshold());
        assertEquals(ReleaseBuilder.MEASURED_DIMENSIONS.size(), cellKey.effect().tables().size());
        assertTrue(cellKey.effect().cells() > cellKey.effect().withheldCells());
        assertTrue(cellKey.effect().changedShare() > 0 && cellKey.effect().changedShare() < 1);
        assertTrue(cellKey.effect().meanAbsoluteChange() > 0 && cellKey.effect().meanAbsoluteChange() <= 5);

        ReleaseManifest read = ManifestJson.read(store.release(manifest.id()).orElseThrow().manifest());
        assertEquals(manifest.id(), read.id());
        assertEquals(manifest.created(), read.created());
        assertEquals(manifest.extracts(), read.extracts());
        assertEquals(manifest.counts(), read.counts());
        assertTrue(manifest.protectedCounts().isPresent());
        assertEquals(manifest.protectedCounts(), read.protectedCounts());
        assertEquals(manifest.microdata().quasiIdentifiers(), read.microdata().quasiIdentifiers());
        assertEquals(manifest.microdata().suppressedShare(), read.microdata().suppressedShare(), 1e-6);
        assertEquals(manifest.cellKey().effect().changedShare(), read.cellKey().effect().changedShare(), 1e-6);
    }

    @Test
    void configuredSettings_areAppliedAndStated() {
        write("ua-police", Q1, persons("p", 0, 300, 2025, "UA", new Random(8)));
        ProtectionParameters protection = new ProtectionParameters(
                new org.tipx.anonymizer.cellkey.PTableParameters(4, 2.0, 1, java.util.OptionalDouble.of(0.5)), 5);

        ReleaseManifest manifest = new ReleaseBuilder(store, new ReleaseSettings(15, 0.02, protection), CLOCK).build();

        assertEquals(15, manifest.microdata().k());
        assertEquals(0.02, manifest.microdata().suppressionLimit());
        assertTrue(manifest.microdata().smallestClass() >= 15);
        assertEquals(java.util.OptionalDouble.of(0.5), manifest.cellKey().pStay());
        assertEquals(protection, new ReleaseCatalog(store).find(manifest.id()).orElseThrow().protection());
    }

    @Test
    void laterUpload_changesNeitherRecordsNorMicrodataOfAnEarlierRelease() {
        Random random = new Random(9);
        write("ua-police", Q1, persons("p", 0, 300, 2025, "UA", random));
        ReleaseBuilder builder = builder();
        ReleaseCatalog catalog = new ReleaseCatalog(store);
        ReleaseManifest first = builder.build();
        List<CaseRecord> firstRecords = records(catalog, first.id());
        String firstMicrodata = microdata(first.id());

        write("ua-police", Q1, persons("r", 0, 400, 2025, "UA", random)); // replaces the Q1 extract
        ReleaseManifest second = builder.build();

        assertEquals("2026-11-23.2", second.id());
        assertEquals(firstRecords, records(catalog, first.id()));
        assertEquals(firstMicrodata, microdata(first.id()));
        assertEquals(300, first.counts().victims());
        assertEquals(400, second.counts().victims());
        assertNotEquals(firstRecords, records(catalog, second.id()));
        assertEquals(second.id(), catalog.find(PublishedReleases.LATEST).orElseThrow().id());
        assertEquals(List.of(second.id(), first.id()), catalog.list().stream().map(PublishedRelease::id).toList());
    }

    @Test
    void catalog_reportsTheAgenciesPerCountryAndYear() {
        Random random = new Random(10);
        write("ua-police", Q1, persons("p", 0, 150, 2025, "UA", random));
        write("ua-police", new Period(2024, 4), persons("s", 0, 100, 2024, "UA", random));
        write("md-ngo", Q2, persons("q", 0, 150, 2025, "MD", random));
        ReleaseManifest manifest = builder().build();

        Map<String, Map<Integer, Set<String>>> agencies = new ReleaseCatalog(store).reportingAgencies(manifest.id());

        assertEquals(Map.of("MD", Map.of(2025, Set.of("md-ngo")),
                "UA", Map.of(2024, Set.of("ua-police"), 2025, Set.of("ua-police"))), agencies);
        assertThrows(java.util.NoSuchElementException.class,
                () -> new ReleaseCatalog(store).reportingAgencies("2000-01-01.1"));
    }

    // --- helpers ---

    /** The one cell of a table without breakdown, as {@code GET /v1/statistics} publishes it (scanning oracle). */
    private static ProtectedCell grandTotal(List<CaseRecord> records, Measure measure, CellKeyProtector protector) {
        ProtectedTable table = ScanningTableSource.publish(TablePublisher.withDefaults(), records,
                TableQuery.of(measure), protector);
        assertEquals(1, table.rows().size());
        return table.rows().getFirst().cell();
    }

    private ReleaseBuilder builder() {
        return new ReleaseBuilder(store, ReleaseSettings.DEFAULTS, CLOCK);
    }

    private static List<CaseRecord> persons(String prefix, int from, int to, int year, String country, Random random) {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(People.record(prefix + i, year, country, random));
        }
        return records;
    }

    private StoredExtract write(String agency, Period period, List<CaseRecord> records) {
        try (TipxStore.ExtractWrite write = store.beginExtract(agency, period, "text/csv")) {
            records.forEach(write::add);
            return write.commit(Integer.toHexString(records.hashCode()));
        }
    }

    private String microdata(String releaseId) {
        StringWriter out = new StringWriter();
        assertTrue(store.writeMicrodata(releaseId, out));
        return out.toString();
    }

    /** The microdata parsed by the anonymizer's own CSV reader (RFC 4180), one map per row. */
    private List<Map<String, String>> microdataRows(String releaseId) {
        Dataset parsed = Dataset.readCsv(new StringReader(microdata(releaseId)), ',');
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < parsed.size(); r++) {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < parsed.columns().size(); c++) {
                row.put(parsed.columns().get(c), parsed.get(r, c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<CaseRecord> records(ReleaseCatalog catalog, String releaseId) {
        List<CaseRecord> records = new ArrayList<>();
        catalog.records(releaseId, records::add);
        return records;
    }
}
