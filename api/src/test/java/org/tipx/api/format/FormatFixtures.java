package org.tipx.api.format;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.tipx.anonymizer.cellkey.PTableParameters;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TableQuery;

/** Small hand-built protected tables, shaped as {@link org.tipx.api.statistics.TablePublisher} shapes them. */
final class FormatFixtures {

    static final Labels LABELS = Labels.load();
    static final PublishedRelease RELEASE = new PublishedRelease("r-20261123-1",
            Instant.parse("2026-11-23T10:00:00Z"), ProtectionParameters.DEFAULTS);
    static final PublishedRelease RELEASE_WITH_PSTAY = new PublishedRelease("r-20261123-2",
            Instant.parse("2026-11-23T10:30:00.250Z"),
            new ProtectionParameters(new PTableParameters(5, 3.0, 2, OptionalDouble.of(0.5)), 10));

    private FormatFixtures() {
    }

    /** A JSON answer as a JSON-P object, for assertions on its members. */
    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static ProtectedCell v(long value) {
        return ProtectedCell.published(value);
    }

    static ProtectedCell withheld() {
        return ProtectedCell.withheld();
    }

    static ProtectedTable.Row row(ProtectedCell cell, String... codes) {
        return new ProtectedTable.Row(List.of(codes), cell);
    }

    /** Victims by year and sex; 2020 male withheld; totals perturbed on their own (15 ≠ 12 + withheld). */
    static ProtectedTable yearBySex() {
        return new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.SEX), List.of(
                row(v(12), "2020", "female"), row(withheld(), "2020", "male"), row(v(15), "2020", "_T"),
                row(v(20), "2021", "female"), row(v(11), "2021", "male"), row(v(33), "2021", "_T"),
                row(v(31), "_T", "female"), row(v(14), "_T", "male"), row(v(47), "_T", "_T")));
    }

    /** Victims by year only: 2020 published, 2021 withheld, the total published. */
    static ProtectedTable byYear() {
        return new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.YEAR), List.of(
                row(v(12), "2020"), row(withheld(), "2021"), row(v(15), "_T")));
    }

    /**
     * Victims by form of exploitation (multi-valued: the forms add up to more than the total), one
     * label with a comma (servitude), the not-recorded code.
     */
    static ProtectedTable byExploitation() {
        return new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.EXPLOITATION), List.of(
                row(v(25), "forced_labour"), row(withheld(), "servitude"), row(v(30), "sexual"),
                row(v(12), "unknown"), row(v(52), "_T")));
    }

    /** Registrations with no breakdown: one total cell. */
    static ProtectedTable total() {
        return new ProtectedTable(TableQuery.of(Measure.REGISTRATIONS), List.of(row(v(47))));
    }

    /** Registrations with no breakdown, withheld. */
    static ProtectedTable withheldTotal() {
        return new ProtectedTable(TableQuery.of(Measure.REGISTRATIONS), List.of(row(withheld())));
    }

    /** Victims by citizenship and year (geo and time roles), filtered to female. */
    static ProtectedTable citizenshipByYearOfFemales() {
        TableQuery query = new TableQuery(List.of(Dimension.CITIZENSHIP, Dimension.YEAR),
                Map.of(Dimension.SEX, Set.of("female")), Measure.VICTIMS);
        return new ProtectedTable(query, List.of(
                row(v(13), "MD", "2021"), row(v(13), "MD", "_T"),
                row(v(40), "UA", "2021"), row(v(41), "UA", "_T"),
                row(withheld(), "unknown", "2021"), row(withheld(), "unknown", "_T"),
                row(v(58), "_T", "2021"), row(v(60), "_T", "_T")));
    }

    /** A three-dimensional table with exploitation, age band and sex, every fourth cell withheld. */
    static ProtectedTable exploitationByAgeBySex() {
        List<String> forms = List.of("forced_labour", "sexual", "_T");
        List<String> bands = List.of("18-20", "9-17", "unknown", "_T");
        List<String> sexes = List.of("female", "male", "_T");
        List<ProtectedTable.Row> rows = new ArrayList<>();
        int i = 0;
        for (String form : forms) {
            for (String band : bands) {
                for (String sex : sexes) {
                    rows.add(row(i % 4 == 1 ? withheld() : v(10 + 3L * i), form, band, sex));
                    i++;
                }
            }
        }
        return new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.EXPLOITATION, Dimension.AGE_BAND,
                Dimension.SEX), rows);
    }

    static String write(TableWriter writer, PublishedTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
