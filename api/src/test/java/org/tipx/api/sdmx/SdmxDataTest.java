package org.tipx.api.sdmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.format.Labels;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.QueryRuleException;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;

/** Keys become the table queries of /v1/statistics, and rows become series, as {@link SdmxData} says. */
class SdmxDataTest {

    private static final ThbStructure STRUCTURE = ThbStructure.of(Labels.load());
    private static final PublishedRelease RELEASE = new PublishedRelease("r1", Instant.parse("2026-11-23T10:00:00Z"),
            ProtectionParameters.DEFAULTS);

    /** A table double: each axis is the filter's codes or two fixed codes, plus _T; each cell a distinct value. */
    private static final class Tables implements TableSource {
        final List<TableQuery> asked = new ArrayList<>();

        @Override
        public ProtectedTable table(PublishedRelease release, TableQuery query) {
            asked.add(query);
            List<List<String>> axes = new ArrayList<>();
            for (Dimension dimension : query.by()) {
                Set<String> filter = query.filters().get(dimension);
                List<String> axis = new ArrayList<>(filter != null ? new TreeSet<>(filter) : switch (dimension) {
                    case YEAR -> List.of("2020", "2021", "2022");
                    case SEX -> List.of("female", "male");
                    case AGE_BAND -> List.of("18-20", "9-17");
                    default -> List.of("unknown");
                });
                axis.add(ProtectedTable.TOTAL);
                axes.add(axis);
            }
            List<ProtectedTable.Row> rows = new ArrayList<>();
            addRows(axes, 0, new ArrayList<>(), rows);
            return new ProtectedTable(query, rows);
        }

        private static void addRows(List<List<String>> axes, int at, List<String> codes, List<ProtectedTable.Row> rows) {
            if (at == axes.size()) {
                ProtectedCell cell = rows.size() % 5 == 3 ? ProtectedCell.withheld() : ProtectedCell.published(10 + rows.size());
                rows.add(new ProtectedTable.Row(codes, cell));
                return;
            }
            for (String code : axes.get(at)) {
                List<String> next = new ArrayList<>(codes);
                next.add(code);
                addRows(axes, at + 1, next, rows);
            }
        }
    }

    private static String key(String... parts) {
        return String.join(".", parts);
    }

    @Test
    void aKeyIsATableQueryPerMeasure() {
        Tables tables = new Tables();
        SdmxData data = new SdmxData(tables, STRUCTURE);
        // FREQ, MEASURE, REF_AREA=UA, CITIZENSHIP _T, COUNTRY_EXPLOIT _T, SEX F+M, AGE wildcard, the rest _T.
        SdmxDataSet set = data.dataSet(RELEASE, DataQuery.parse(
                key("A", "VICTIMS", "UA", "_T", "_T", "F+M", "", "_T", "_T", "_T", "_T", "_T"), Map.of()));
        assertEquals(1, tables.asked.size());
        TableQuery asked = tables.asked.getFirst();
        assertEquals(List.of(Dimension.SEX, Dimension.AGE_BAND, Dimension.YEAR), asked.by());
        assertEquals(Map.of(Dimension.COUNTRY_OF_IDENTIFICATION, Set.of("UA"), Dimension.SEX, Set.of("female", "male")),
                asked.filters());
        assertEquals(Measure.VICTIMS, asked.measure());
        // Sex: F and M but not the filter's total; age: both bands and the total.
        assertEquals(6, set.series().size());
        for (SdmxDataSet.Series series : set.series()) {
            assertEquals("UA", series.key().get(2));
            assertTrue(Set.of("F", "M").contains(series.key().get(5)), series.key().toString());
            assertTrue(Set.of("Y18T20", "Y9T17", "_T").contains(series.key().get(6)), series.key().toString());
            assertEquals(List.of("2020", "2021", "2022"), series.observations().stream().map(SdmxDataSet.Observation::timePeriod).toList());
        }
    }

    @Test
    void aCellIsTheTableCell() {
        Tables tables = new Tables();
        SdmxDataSet set = new SdmxData(tables, STRUCTURE).dataSet(RELEASE, DataQuery.parse(
                key("A", "REGISTRATIONS", "", "_T", "_T", "", "_T", "_T", "_T", "_T", "_T", "_T"), Map.of()));
        ProtectedTable table = tables.table(RELEASE, tables.asked.getFirst());
        for (SdmxDataSet.Series series : set.series()) {
            for (SdmxDataSet.Observation obs : series.observations()) {
                String area = STRUCTURE.codes().toTipx(Dimension.COUNTRY_OF_IDENTIFICATION, series.key().get(2)).orElseThrow();
                String sex = STRUCTURE.codes().toTipx(Dimension.SEX, series.key().get(5)).orElseThrow();
                ProtectedTable.Row row = table.rows().stream()
                        .filter(r -> r.codes().equals(List.of(area, sex, obs.timePeriod())))
                        .findFirst().orElseThrow();
                assertEquals(row.cell(), obs.cell());
            }
        }
    }

    @Test
    void aTotalAmongSeveralCodesIsTheUnfilteredTotal() {
        Tables tables = new Tables();
        SdmxDataSet set = new SdmxData(tables, STRUCTURE).dataSet(RELEASE, DataQuery.parse(
                key("A", "VICTIMS", "_T", "_T", "_T", "F+_T", "_T", "_T", "_T", "_T", "_T", "_T"), Map.of()));
        assertEquals(Map.of(), tables.asked.getFirst().filters(), "no filter, or the total would be the filter's");
        assertEquals(List.of("F", "_T"), set.series().stream().map(s -> s.key().get(5)).toList());
    }

    @Test
    void periodsAndLastObservations() {
        Tables tables = new Tables();
        SdmxData data = new SdmxData(tables, STRUCTURE);
        String total = key("A", "VICTIMS", "_T", "_T", "_T", "_T", "_T", "_T", "_T", "_T", "_T", "_T");
        assertEquals(List.of("2021", "2022"), years(data.dataSet(RELEASE, DataQuery.parse(total, Map.of("startPeriod", "2021-Q1")))));
        assertEquals(List.of("2020", "2021"), years(data.dataSet(RELEASE, DataQuery.parse(total, Map.of("endPeriod", "2021")))));
        assertEquals(List.of("2022"), years(data.dataSet(RELEASE, DataQuery.parse(total, Map.of("lastNObservations", "1")))));
        assertEquals(List.of("2020"), years(data.dataSet(RELEASE, DataQuery.parse(total, Map.of("firstNObservations", "1")))));
        SdmxException none = assertThrows(SdmxException.class,
                () -> data.dataSet(RELEASE, DataQuery.parse(total, Map.of("startPeriod", "2030"))));
        assertEquals(SdmxError.NO_RESULTS, none.error());
    }

    private static List<String> years(SdmxDataSet set) {
        return set.series().getFirst().observations().stream().map(SdmxDataSet.Observation::timePeriod).toList();
    }

    @Test
    void refusals() {
        Tables tables = new Tables();
        SdmxData data = new SdmxData(tables, STRUCTURE);
        assertEquals(SdmxError.SYNTAX_ERROR, refusal(data, "A.VICTIMS"), "too few parts");
        assertEquals(SdmxError.SYNTAX_ERROR, refusal(data, key("A", "VICTIMS", "_T", "_T", "_T", "female", "_T", "_T", "_T", "_T", "_T", "_T")),
                "a tipx code is not an SDMX code");
        assertEquals(SdmxError.SYNTAX_ERROR, refusal(data, key("A", "PERSONS", "", "", "", "", "", "", "", "", "", "_T")));
        assertEquals(SdmxError.NO_RESULTS, refusal(data, key("M", "", "", "", "", "", "", "", "", "", "", "")));
        // Five dimensions besides country and year broken down: tipx's rule.
        assertEquals(SdmxError.SEMANTIC_ERROR, refusal(data, key("A", "VICTIMS", "", "", "", "", "", "", "_T", "_T", "_T", "_T")));
        SdmxData tooLarge = new SdmxData((release, query) -> {
            throw new QueryRuleException(QueryRuleException.TOO_MANY_CELLS, "the table would have too many cells");
        }, STRUCTURE);
        assertEquals(SdmxError.RESPONSE_TOO_LARGE, refusal(tooLarge, key("A", "VICTIMS", "", "_T", "_T", "", "_T", "_T", "_T", "_T", "_T", "_T")));
        assertEquals(413, SdmxError.RESPONSE_TOO_LARGE.httpStatus());
        assertEquals(SdmxError.NOT_IMPLEMENTED, assertThrows(SdmxException.class,
                () -> DataQuery.parse("all", Map.of("dimensionAtObservation", "SEX"))).error());
        assertEquals(SdmxError.SYNTAX_ERROR, assertThrows(SdmxException.class,
                () -> DataQuery.parse("all", Map.of("lastNObservations", "0"))).error());
    }

    private static SdmxError refusal(SdmxData data, String key) {
        return assertThrows(SdmxException.class, () -> data.dataSet(RELEASE, DataQuery.parse(key, Map.of()))).error();
    }
}
