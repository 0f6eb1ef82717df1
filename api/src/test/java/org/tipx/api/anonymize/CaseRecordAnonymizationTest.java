package org.tipx.api.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.AnonymizationConfig;
import org.tipx.anonymizer.AnonymizationResult;
import org.tipx.anonymizer.AttributeRole;
import org.tipx.anonymizer.Anonymizer;
import org.tipx.anonymizer.Dataset;
import org.tipx.anonymizer.PrivacyModel;
import org.tipx.anonymizer.QualityMetric;
import org.tipx.anonymizer.Verifier;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractContext;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.pseudonym.Pseudonym;
import org.tipx.api.pseudonym.Pseudonymiser;
import org.tipx.api.sample.SampleExtract;
import org.tipx.api.sample.SyntheticExtracts;

/** The synthetic sample, ingested as the exchange would, k-anonymised with tipx's defaults. */
class CaseRecordAnonymizationTest {

    private static final long SEED = 20261123L;
    private static List<CaseRecord> records;

    /** Unkeyed and test-only: the anonymisation never sees the pseudonym, so any stable value will do. */
    private static final Pseudonymiser BY_RECORD_ID = (agencyId, recordId, identifiers) -> {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((agencyId + '\u0000' + recordId).getBytes(StandardCharsets.UTF_8));
            return new Pseudonym(HexFormat.of().formatHex(hash), false, (hash[0] & 0xFF) << 4 | (hash[1] & 0x0F));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };

    @BeforeAll
    static void ingestTheSyntheticSample() {
        ExtractIngestor ingestor = new ExtractIngestor(new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(),
                Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC)), Long.MAX_VALUE);
        List<CaseRecord> all = new ArrayList<>();
        for (SampleExtract extract : new SyntheticExtracts(SEED).generate()) {
            IngestOutcome outcome = ingestor.ingest(new ByteArrayInputStream(extract.csvBytes()), ExtractFormat.CSV,
                    new ExtractContext(extract.agency().id(), extract.agency().country(), extract.period()), BY_RECORD_ID,
                    all::add);
            assertTrue(outcome.valid(), () -> extract.agency().id() + " " + extract.period() + ": " + outcome.problems());
        }
        records = List.copyOf(all);
    }

    @AfterAll
    static void forgetTheSample() {
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        records = null;
    }

    @Test
    void theSyntheticSample_anonymisedWithTheDefaults_passesTheVerifierWithK11() {
        assertTrue(records.size() > 500, "sample size " + records.size());
        AnonymizationResult result = CaseRecordAnonymization.anonymize(records);

        Verifier.requireSafe(result.output(), CaseRecordTable.QUASI_IDENTIFIERS, List.of(new PrivacyModel.KAnonymity(11)),
                CaseRecordAnonymization.DEFAULT_SUPPRESSION_LIMIT);
        assertTrue(result.report().optimal());
        assertTrue(result.report().suppressed() <= Math.floor(0.05 * records.size()), "suppressed " + result.report().suppressed());
        assertEquals(CaseRecordTable.QUASI_IDENTIFIERS, List.copyOf(result.report().levels().keySet()));
        assertSmallestPublishedClassAtLeast(result.output(), 11);
    }

    @Test
    void theDefaultConfig_isK11WithFivePercentSuppressionAndLossOverEveryQuasiIdentifier() {
        AnonymizationConfig config = CaseRecordAnonymization.defaultConfig(CaseRecordHierarchies.load());
        assertEquals(CaseRecordTable.QUASI_IDENTIFIERS, config.quasiIdentifierColumns());
        assertEquals(List.of(new PrivacyModel.KAnonymity(11)), config.models());
        assertEquals(0.05, config.suppressionLimit());
        assertEquals(QualityMetric.LOSS, config.metric());
        assertTrue(config.timeBudget().isEmpty(), "searched to the proven optimum");
        assertEquals(AttributeRole.QUASI_IDENTIFYING, config.role(CaseRecordTable.STATUS));
        assertEquals(AttributeRole.QUASI_IDENTIFYING, config.role(CaseRecordTable.IDENTIFIED_BY));
    }

    @Test
    void theSameRecords_giveTheSameRelease() {
        Dataset table = CaseRecordTable.of(records);
        AnonymizationResult first = Anonymizer.anonymize(table, CaseRecordAnonymization.defaultConfig(CaseRecordHierarchies.load()));
        AnonymizationResult second = CaseRecordAnonymization.anonymize(records);
        assertEquals(first.report().levels(), second.report().levels());
        assertEquals(first.report().suppressed(), second.report().suppressed());
        assertEquals(27_648, first.report().latticeSize(), "the lattice size the Javadoc quotes");
        for (int row = 0; row < table.size(); row++) {
            for (int column = 0; column < table.columns().size(); column++) {
                assertEquals(first.output().get(row, column), second.output().get(row, column));
            }
        }
    }

    /** Recounts the classes of the published (not suppressed) rows, independently of the engine. */
    static void assertSmallestPublishedClassAtLeast(Dataset output, int k) {
        List<Integer> qi = CaseRecordTable.QUASI_IDENTIFIERS.stream().map(output.columns()::indexOf).toList();
        Map<List<String>, Integer> classes = new HashMap<>();
        for (int row = 0; row < output.size(); row++) {
            List<String> key = new ArrayList<>();
            for (int column : qi) {
                key.add(output.get(row, column));
            }
            if (key.stream().allMatch("*"::equals)) {
                continue; // a suppressed record
            }
            classes.merge(key, 1, Integer::sum);
        }
        assertTrue(!classes.isEmpty(), "every record suppressed");
        int smallest = classes.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(smallest >= k, "smallest class " + smallest);
    }
}
