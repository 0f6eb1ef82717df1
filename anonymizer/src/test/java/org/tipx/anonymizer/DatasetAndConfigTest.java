package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetAndConfigTest {

    @Test
    void readCsv_quotedFields_keepSeparatorsQuotesAndLineBreaks() {
        Dataset data = Dataset.readCsv(new StringReader(
                "name;note\r\n\"Doe; J\";\"said \"\"hi\"\"\nthen left\"\r\nX;\n"), ';');

        assertEquals(List.of("name", "note"), data.columns());
        assertEquals(2, data.size());
        assertEquals("Doe; J", data.get(0, 0));
        assertEquals("said \"hi\"\nthen left", data.get(0, 1));
        assertEquals("", data.get(1, 1));
    }

    @Test
    void writeCsv_thenReadCsv_roundTrips(@TempDir Path directory) {
        Dataset data = Dataset.of(List.of("a", "b"),
                List.of(new String[] {"x;y", "q\"uote"}, new String[] {"", "line\nbreak"}));
        Path file = directory.resolve("out.csv");

        data.writeCsv(file, ';');
        Dataset back = Dataset.readCsv(file, ';');

        assertEquals(data.columns(), back.columns());
        for (int row = 0; row < data.size(); row++) {
            for (int column = 0; column < 2; column++) {
                assertEquals(data.get(row, column), back.get(row, column));
            }
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void readCsv_rowOfWrongWidth_namesTheLine() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Dataset.readCsv(new StringReader("a;b\n1;2\n3\n"), ';'));
        assertTrue(e.getMessage().contains("line 3: expected 2 fields"), e.getMessage());
    }

    @Test
    void readCsv_duplicateColumn_isRefused() {
        assertThrows(AnonymizationException.class, () -> Dataset.readCsv(new StringReader("a;a\n1;2\n"), ';'));
    }

    @Test
    void config_suppressionLimitAboveOne_quotesTheValue() {
        AnonymizationException e = assertThrows(AnonymizationException.class, () -> AnonymizationConfig.builder()
                .quasiIdentifier("age", Hierarchy.intervals(0, 9, 5)).model(new PrivacyModel.KAnonymity(2))
                .suppressionLimit(1.5).build());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void config_kBelowOne_quotesTheValue() {
        AnonymizationException e = assertThrows(AnonymizationException.class, () -> new PrivacyModel.KAnonymity(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void anonymize_valueMissingFromHierarchy_namesRowAndColumnButNotTheValue() {
        Dataset data = Dataset.of(List.of("age"), List.of(new String[] {"3"}, new String[] {"1234567"}));
        AnonymizationConfig config = AnonymizationConfig.builder().quasiIdentifier("age", Hierarchy.intervals(0, 9, 5))
                .model(new PrivacyModel.KAnonymity(1)).build();

        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Anonymizer.anonymize(data, config));

        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("'age'"), e.getMessage());
        assertTrue(!e.getMessage().contains("1234567"), e.getMessage());
    }

    @Test
    void anonymize_impossibleK_explainsWhy() {
        Dataset data = Dataset.of(List.of("age"), List.of(new String[] {"3"}, new String[] {"4"}));
        AnonymizationConfig config = AnonymizationConfig.builder().quasiIdentifier("age", Hierarchy.intervals(0, 9, 5))
                .model(new PrivacyModel.KAnonymity(3)).build();

        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Anonymizer.anonymize(data, config));
        assertTrue(e.getMessage().contains("no transformation satisfies"), e.getMessage());
    }

    @Test
    void anonymize_suppressedRecords_getStarInEveryQuasiIdentifierAndKeepOtherColumns() {
        List<String[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 19; i++) {
            rows.add(new String[] {"name" + i, "3", "F", "x" + i});
        }
        rows.add(new String[] {"outlier", "9", "M", "y"});
        Dataset data = Dataset.of(List.of("name", "age", "sex", "note"), rows);
        AnonymizationConfig config = AnonymizationConfig.builder()
                .quasiIdentifier("age", Hierarchy.intervals(0, 9, 5))
                .quasiIdentifier("sex", Hierarchy.fromParents(List.of("F", "M"), List.of()))
                .identifying("name").model(new PrivacyModel.KAnonymity(5)).suppressionLimit(0.05).build();

        AnonymizationResult result = Anonymizer.anonymize(data, config);

        Dataset output = result.output();
        assertEquals(List.of("age", "sex", "note"), output.columns());
        assertEquals(1, result.report().suppressed());
        assertEquals(List.of("*", "*", "y"), List.of(output.get(19, 0), output.get(19, 1), output.get(19, 2)));
        assertEquals(List.of("3", "F"), List.of(output.get(0, 0), output.get(0, 1)));
        assertEquals(0.0, result.report().loss(), 1.0, "loss within 0..1");
        assertEquals(1.0 / 19, result.report().maxRisk(), 1e-12);
        assertEquals(1.0 / 19, result.report().averageRisk(), 1e-12);
    }
}
