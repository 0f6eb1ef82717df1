package org.tipx.api.format;

import org.tipx.anonymizer.cellkey.PTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.format.FormatFixtures.LABELS;
import static org.tipx.api.format.FormatFixtures.RELEASE;
import static org.tipx.api.format.FormatFixtures.write;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.statistics.TableQuery;

/**
 * The writers see only a {@link PublishedTable}: protected cells (published value or withheld
 * flags), codes, the release's id, date and public parameters. True counts, cell keys, record keys
 * and pseudonyms are not reachable from it, and so cannot reach an answer.
 */
class WritersPublishOnlyProtectedCellsTest {

    @Test
    void writers_takeOnlyAPublishedTableAndAStream() {
        for (Class<?> writer : List.of(CsvTableWriter.class, JsonTableWriter.class, JsonStatTableWriter.class)) {
            List<Method> writes = new ArrayList<>();
            for (Method method : writer.getDeclaredMethods()) {
                if (method.getName().equals("write") && !method.isSynthetic()) {
                    writes.add(method);
                }
            }
            assertEquals(1, writes.size(), writer.getSimpleName());
            assertEquals(List.of(PublishedTable.class, OutputStream.class), List.of(writes.get(0).getParameterTypes()),
                    writer.getSimpleName());
        }
    }

    @Test
    void publishedTable_reachesNoCountKeyOrPseudonym() {
        Set<String> components = new HashSet<>();
        collect(PublishedTable.class, "PublishedTable", components, new HashSet<>());
        assertTrue(components.contains("PublishedTable.table.rows.cell.value"), components.toString());
        for (String path : components) {
            String name = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            assertFalse(name.contains("count") || name.contains("key") || name.contains("pseudonym"), path);
        }
    }

    /** Every record component reachable from {@code type}, through records, lists, maps and sets. */
    private static void collect(Type type, String path, Set<String> out, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, path, out, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> cls) || !cls.isRecord() || !seen.add(cls)) {
            if (type == CaseRecord.class) {
                throw new AssertionError(path + " reaches a case record");
            }
            return;
        }
        for (RecordComponent component : cls.getRecordComponents()) {
            String child = path + "." + component.getName();
            out.add(child);
            collect(component.getGenericType(), child, out, seen);
        }
    }

    @Test
    void writers_onSmallCellsFromTheRealBuilder_publishNoValueKeyOrPseudonym() {
        // Three persons: every cell's true count is 1..3, so with D = 5 every published value is
        // below the threshold 10 and withheld.
        List<CaseRecord> records = List.of(
                record("pseudonym-SECRET-a", 4077, "female"),
                record("pseudonym-SECRET-b", 4078, "male"),
                record("pseudonym-SECRET-c", 4079, "male"));
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.SEX);
        ProtectedTable table = ScanningTableSource.publish(new TablePublisher(10_000, 1.0), records, query,
                CellKeyProtector.withDefaults());
        String cellKeyOfTotal = Integer.toString((4077 + 4078 + 4079) % PTable.KEY_SPACE);
        for (TableFormat format : TableFormat.values()) {
            for (boolean labels : new boolean[] {false, true}) {
                String output = write(format.writer(LABELS), new PublishedTable(table, RELEASE, labels));
                for (String secret : List.of("SECRET", "pseudonym", "4077", "4078", "4079", cellKeyOfTotal)) {
                    assertFalse(output.contains(secret), format + " shows " + secret + ": " + output);
                }
                switch (format) {
                    case CSV -> output.lines().skip(1).forEach(line ->
                            assertTrue(line.matches("_T,(Total,)?,Q,A,.*"), line));
                    case JSON -> assertFalse(output.matches("(?s).*\"value\":[0-9].*"), output);
                    case JSONSTAT -> assertTrue(output.matches("(?s).*\"value\":\\[null(,null)*\\].*"), output);
                }
            }
        }
    }

    private static CaseRecord record(String pseudonym, int recordKey, String sex) {
        return new CaseRecord(pseudonym, true, recordKey, 2021, Optional.empty(), "confirmed", Optional.empty(), sex,
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "UA", Optional.empty(),
                List.of("sexual"), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
