package org.tipx.api.format;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.api.NodeTools;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.statistics.TableQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.format.FormatFixtures.LABELS;
import static org.tipx.api.format.FormatFixtures.RELEASE;
import static org.tipx.api.format.FormatFixtures.RELEASE_WITH_PSTAY;

/**
 * Reads our JSON-stat answers with a real client, the npm package jsonstat-toolkit (pinned in
 * {@code api/src/test/js/package-lock.json}), through {@code check-jsonstat.mjs}. Needs
 * {@code npm ci --prefix api/src/test/js} first; without it the test is skipped, unless
 * {@code TIPX_REQUIRE_NODE_TOOLS=1} (set by {@code .ci/run}), where it fails.
 */
class JsonStatToolkitTest {

    private final JsonStatTableWriter writer = new JsonStatTableWriter(LABELS);

    @TempDir
    Path dir;

    @BeforeEach
    void nodeToolsInstalled() {
        JsonStatToolkit.requireInstalled();
    }

    @Test
    void jsonstatToolkit_readsBackEveryTable_withAndWithoutLabels() throws Exception {
        List<PublishedTable> tables = List.of(
                new PublishedTable(FormatFixtures.yearBySex(), RELEASE, true),
                new PublishedTable(FormatFixtures.yearBySex(), RELEASE, false),
                new PublishedTable(FormatFixtures.byYear(), RELEASE, true),
                new PublishedTable(FormatFixtures.byExploitation(), RELEASE, true),
                new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true),
                new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, false),
                new PublishedTable(FormatFixtures.citizenshipByYearOfFemales(), RELEASE_WITH_PSTAY, true),
                new PublishedTable(FormatFixtures.total(), RELEASE, true),
                new PublishedTable(FormatFixtures.withheldTotal(), RELEASE, false),
                new PublishedTable(builtTable(), RELEASE, true));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            files.add(writeWithExpectation(tables.get(i), "table-" + i));
        }
        NodeTools.Result result = JsonStatToolkit.check(files);
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(tables.size(), result.output().lines().filter(l -> l.contains(": ok (")).count(), result.output());
    }

    @Test
    void jsonstatToolkit_checkFails_whenTheFileDisagreesWithTheTable() throws Exception {
        PublishedTable table = new PublishedTable(FormatFixtures.yearBySex(), RELEASE, true);
        Path file = writeWithExpectation(table, "tampered");
        // Swap two values of the cube: the file stays valid JSON-stat, but no longer says what the table says.
        String json = Files.readString(file).replace("\"value\":[12,null,15,", "\"value\":[15,null,12,");
        Files.writeString(file, json);
        NodeTools.Result result = JsonStatToolkit.check(List.of(file));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("the table has 12/A"), result.output());
    }

    /** A table from the real builder: multi-valued exploitation, totals, cells withheld by the threshold. */
    private static ProtectedTable builtTable() {
        Random random = new Random(20261123);
        List<String> forms = List.of("sexual", "forced_labour", "forced_begging");
        List<CaseRecord> records = new ArrayList<>();
        for (int person = 0; person < 400; person++) {
            List<String> exploitation = new ArrayList<>();
            for (String form : forms) {
                if (random.nextInt(3) == 0) {
                    exploitation.add(form);
                }
            }
            records.add(new CaseRecord("p" + person, true, random.nextInt(PTable.KEY_SPACE),
                    2019 + random.nextInt(3), Optional.empty(), random.nextBoolean() ? "presumed" : "confirmed",
                    Optional.of("police"), random.nextBoolean() ? "female" : "male", OptionalInt.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(random.nextInt(5) == 0 ? "MD" : "UA"), "UA",
                    Optional.empty(), exploitation, List.of(), List.of(), List.of(), List.of(), List.of()));
        }
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.EXPLOITATION, Dimension.CITIZENSHIP);
        return ScanningTableSource.publish(new TablePublisher(10_000, 1.0), records, query, CellKeyProtector.withDefaults());
    }

    /**
     * Writes the JSON-stat file and, beside it, what the table holds, taken from its rows and not
     * from the writer: per row its coordinates, value and OBS_STATUS, and the labels of its codes.
     */
    private Path writeWithExpectation(PublishedTable table, String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.write(file, writer.bytes(table));
        JsonArrayBuilder cells = Json.createArrayBuilder();
        JsonObjectBuilder labels = Json.createObjectBuilder();
        List<Dimension> by = table.table().by();
        // The JSON-stat time axis holds years only: the table's total over the years is not published.
        int year = by.indexOf(Dimension.YEAR);
        List<ProtectedTable.Row> rows = table.table().rows().stream()
                .filter(row -> year < 0 || !row.codes().get(year).equals(ProtectedTable.TOTAL)).toList();
        for (ProtectedTable.Row row : rows) {
            JsonObjectBuilder coordinates = Json.createObjectBuilder().add(JsonStatTableWriter.METRIC_ID, table.measureId());
            // Each filter outside by is a dimension of one category (these fixtures filter on one code each).
            table.context().forEach((dimension, codes) -> coordinates.add(dimension.id(), String.join("+", new java.util.TreeSet<>(codes))));
            for (int d = 0; d < by.size(); d++) {
                coordinates.add(by.get(d).id(), row.codes().get(d));
            }
            JsonObjectBuilder cell = Json.createObjectBuilder().add("coordinates", coordinates);
            if (row.cell().value().isPresent()) {
                cell.add("value", row.cell().value().getAsLong());
            } else {
                cell.addNull("value");
            }
            cells.add(cell.add("status", row.cell().obsStatus().code()));
        }
        if (table.labels()) {
            for (int d = 0; d < by.size(); d++) {
                JsonObjectBuilder codes = Json.createObjectBuilder();
                for (ProtectedTable.Row row : rows) {
                    codes.add(row.codes().get(d), LABELS.label(by.get(d), row.codes().get(d)));
                }
                labels.add(by.get(d).id(), codes);
            }
        }
        JsonArrayBuilder ids = Json.createArrayBuilder().add(JsonStatTableWriter.METRIC_ID);
        table.context().keySet().forEach(d -> ids.add(d.id()));
        by.forEach(d -> ids.add(d.id()));
        String expected = Json.createObjectBuilder().add("id", ids).add("cells", cells).add("labels", labels)
                .build().toString();
        Files.writeString(dir.resolve(name + ".expected.json"), expected, StandardCharsets.UTF_8);
        return file;
    }

}
