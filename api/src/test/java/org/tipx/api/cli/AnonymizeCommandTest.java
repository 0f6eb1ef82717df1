package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tipx anonymize} on small generated tables and on UCI adult against ARX's optimum. */
class AnonymizeCommandTest {

    private static final List<String> DIAGNOSES = List.of("flu", "asthma", "diabetes", "fracture");
    private static final List<String> ZIPS = List.of("13053", "13068", "13250", "13251", "14850", "14853", "47677", "47602");

    @TempDir
    Path dir;

    Path table;
    Path ageHierarchy;
    Path sexHierarchy;
    Path zipHierarchy;

    /** 300 seeded random rows: age 20-59, sex, a zip code, a diagnosis (the sensitive column). */
    @BeforeEach
    void writeTableAndHierarchies() throws IOException {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("age;sex;zip;diagnosis\n");
        for (int i = 0; i < 300; i++) {
            csv.append(20 + random.nextInt(40)).append(';').append(random.nextBoolean() ? "female" : "male").append(';')
                    .append(ZIPS.get(random.nextInt(ZIPS.size()))).append(';')
                    .append(DIAGNOSES.get(random.nextInt(DIAGNOSES.size()))).append('\n');
        }
        table = Files.writeString(dir.resolve("table.csv"), csv);
        StringBuilder ages = new StringBuilder();
        for (int age = 20; age < 60; age++) {
            int decade = age / 10 * 10;
            int twenty = age / 20 * 20;
            ages.append(age).append(';').append(decade).append('-').append(decade + 9).append(';')
                    .append(twenty).append('-').append(twenty + 19).append(";*\n");
        }
        ageHierarchy = Files.writeString(dir.resolve("age.csv"), ages);
        sexHierarchy = Files.writeString(dir.resolve("sex.csv"), "female;*\nmale;*\n");
        StringBuilder zips = new StringBuilder();
        for (String zip : ZIPS) {
            zips.append(zip).append(';').append(zip, 0, 3).append("**;").append(zip, 0, 1).append("****;*\n");
        }
        zipHierarchy = Files.writeString(dir.resolve("zip.csv"), zips);
    }

    private List<String> baseArgs(Path output, Path report) {
        return new ArrayList<>(List.of("anonymize", "--input", table.toString(),
                "--hierarchy", "age=" + ageHierarchy, "--hierarchy", "sex=" + sexHierarchy, "--hierarchy", "zip=" + zipHierarchy,
                "--output", output.toString(), "--report", report.toString()));
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    static List<String[]> readRows(Path csv, String separator) throws IOException {
        try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            return lines.map(line -> line.split(separator, -1)).toList();
        }
    }

    static JsonObject readJson(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** Class sizes of the published rows (suppressed rows, every quasi-identifier '*', left out), recounted here. */
    static Map<List<String>, List<String[]>> classes(List<String[]> rows, List<String> qis) {
        List<String> header = List.of(rows.getFirst());
        List<Integer> columns = qis.stream().map(header::indexOf).toList();
        Map<List<String>, List<String[]>> classes = new HashMap<>();
        for (String[] row : rows.subList(1, rows.size())) {
            List<String> key = columns.stream().map(c -> row[c]).toList();
            if (!key.stream().allMatch("*"::equals)) {
                classes.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
            }
        }
        return classes;
    }

    @Test
    void anonymize_kFive_everyPublishedClassHasFiveRowsAndTheReportSaysSo() throws IOException {
        Path output = dir.resolve("out.csv");
        Path report = dir.resolve("report.json");
        List<String> args = baseArgs(output, report);
        args.addAll(List.of("--k", "5", "--suppression", "5%"));
        CliRun run = run(args);

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("report: " + report), run.out());
        List<String[]> rows = readRows(output, ";");
        assertEquals(List.of("age", "sex", "zip", "diagnosis"), List.of(rows.getFirst()));
        Map<List<String>, List<String[]>> classes = classes(rows, List.of("age", "sex", "zip"));
        assertTrue(classes.values().stream().allMatch(c -> c.size() >= 5), "a class below k");

        JsonObject json = readJson(report);
        assertEquals(Set.of("age", "sex", "zip"), json.getJsonObject("levels").keySet());
        assertEquals(5, json.getInt("k"));
        assertEquals(0.05, json.getJsonNumber("suppressionLimit").doubleValue(), 1e-12);
        assertEquals(classes.size(), json.getJsonNumber("classes").longValue());
        long published = classes.values().stream().mapToLong(List::size).sum();
        assertEquals(300, published + json.getJsonNumber("suppressed").longValue());
        assertTrue(json.getJsonNumber("suppressed").longValue() <= 15);
        assertTrue(json.getBoolean("optimal"));
        double loss = json.getJsonNumber("loss").doubleValue();
        assertTrue(loss >= 0 && loss <= 1, "loss " + loss);
        for (String field : List.of("score", "maxRisk", "averageRisk", "nodesChecked", "latticeSize", "elapsedMillis", "rows")) {
            assertTrue(json.containsKey(field), field);
        }
        assertEquals(4L * 2 * 4, json.getJsonNumber("latticeSize").longValue());
        long sizes = json.getJsonObject("classSizeDistribution").values().stream()
                .mapToLong(v -> ((JsonNumber) v).longValue()).sum();
        assertEquals(classes.size(), sizes);
        assertTrue(json.getJsonNumber("maxRisk").doubleValue() <= 1.0 / 5 + 1e-12);
        // The levels in the report are those the output shows: the age column at level 0 keeps exact ages.
        int ageLevel = json.getJsonObject("levels").getInt("age");
        String someAge = classes.keySet().iterator().next().getFirst();
        assertEquals(ageLevel == 0, someAge.matches("[0-9]+"), someAge + " at level " + ageLevel);
        assertEquals(Set.of("out.csv", "report.json", "table.csv", "age.csv", "sex.csv", "zip.csv"), filesIn(dir),
                "no temporary file left");
    }

    @Test
    void anonymize_withDistinctLDiversity_everyClassHasTwoDiagnoses() throws IOException {
        Path output = dir.resolve("out.csv");
        Path report = dir.resolve("report.json");
        List<String> args = baseArgs(output, report);
        args.addAll(List.of("--k", "3", "--l", "3", "--sensitive", "diagnosis", "--suppression", "0.02", "--metric", "discernibility",
                "--time-budget", "60s"));
        CliRun run = run(args);

        assertEquals(0, run.exit(), run.err());
        List<String[]> rows = readRows(output, ";");
        int diagnosis = List.of(rows.getFirst()).indexOf("diagnosis");
        for (List<String[]> c : classes(rows, List.of("age", "sex", "zip")).values()) {
            assertTrue(c.size() >= 3);
            Set<String> distinct = new HashSet<>();
            c.forEach(row -> distinct.add(row[diagnosis]));
            assertTrue(distinct.size() >= 3, "class with diagnoses " + distinct);
        }
        JsonObject json = readJson(report);
        assertEquals(3, json.getInt("l"));
        assertEquals("diagnosis", json.getString("sensitive"));
        assertEquals("discernibility", json.getString("metric"));
    }

    @Test
    void anonymize_withEntropyLDiversity_everyClassHasEnoughEntropy() throws IOException {
        Path output = dir.resolve("out.csv");
        Path report = dir.resolve("report.json");
        List<String> args = baseArgs(output, report);
        args.addAll(List.of("--k", "2", "--entropy-l", "2.5", "--sensitive", "diagnosis"));
        CliRun run = run(args);

        assertEquals(0, run.exit(), run.err());
        List<String[]> rows = readRows(output, ";");
        int diagnosis = List.of(rows.getFirst()).indexOf("diagnosis");
        for (List<String[]> c : classes(rows, List.of("age", "sex", "zip")).values()) {
            Map<String, Integer> counts = new HashMap<>();
            c.forEach(row -> counts.merge(row[diagnosis], 1, Integer::sum));
            double entropy = 0;
            for (int count : counts.values()) {
                double p = (double) count / c.size();
                entropy -= p * Math.log(p);
            }
            assertTrue(entropy >= Math.log(2.5) - 1e-12, "class entropy " + entropy + " of " + counts);
        }
        assertEquals(2.5, readJson(report).getJsonNumber("entropyL").doubleValue());
    }

    @Test
    void columnsWithoutAHierarchy_stayAsTheyAre() throws IOException {
        Path output = dir.resolve("out.csv");
        List<String> args = new ArrayList<>(List.of("anonymize", "--input", table.toString(), "--hierarchy", "sex=" + sexHierarchy,
                "--k", "2", "--suppression", "0", "--output", output.toString(), "--report", dir.resolve("r.json").toString()));
        CliRun run = run(args);

        assertEquals(0, run.exit(), run.err());
        List<String[]> in = readRows(table, ";");
        List<String[]> out = readRows(output, ";");
        assertEquals(in.size(), out.size());
        for (int row = 0; row < in.size(); row++) {
            assertEquals(in.get(row)[0], out.get(row)[0]);
            assertEquals(in.get(row)[2], out.get(row)[2]);
            assertEquals(in.get(row)[3], out.get(row)[3]);
        }
    }

    @Test
    void aValueMissingFromItsHierarchy_failsNamingColumnAndValue_andWritesNothing() throws IOException {
        Files.writeString(table, "61;female;13053;flu\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path output = dir.resolve("out.csv");
        Path report = dir.resolve("report.json");
        CliRun run = run(baseArgs(output, report));

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("'age'") && run.err().contains("'61'"), run.err());
        assertEquals(Set.of("table.csv", "age.csv", "sex.csv", "zip.csv"), filesIn(dir));
    }

    @Test
    void noTransformationReachingK_failsWithTheEnginesReason_andWritesNothing() throws IOException {
        List<String> args = baseArgs(dir.resolve("out.csv"), dir.resolve("report.json"));
        args.addAll(List.of("--k", "301", "--suppression", "0"));
        CliRun run = run(args);

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("tipx anonymize: no transformation satisfies"), run.err());
        assertEquals(Set.of("table.csv", "age.csv", "sex.csv", "zip.csv"), filesIn(dir));
    }

    @Test
    void aMalformedInput_failsWithTheLine() throws IOException {
        Files.writeString(table, "age;sex;zip;diagnosis\n30;female;13053\n");
        CliRun run = run(baseArgs(dir.resolve("out.csv"), dir.resolve("report.json")));

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("tipx anonymize: line 2:"), run.err());
        assertEquals(Set.of("table.csv", "age.csv", "sex.csv", "zip.csv"), filesIn(dir));
    }

    @Test
    void usageErrors_exitTwoWithTheReason() throws IOException {
        Path output = dir.resolve("out.csv");
        Path report = dir.resolve("report.json");

        List<String> unknownColumn = baseArgs(output, report);
        unknownColumn.addAll(List.of("--hierarchy", "postcode=" + zipHierarchy));
        CliRun run = run(unknownColumn);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'postcode'"), run.err());

        List<String> twice = baseArgs(output, report);
        twice.addAll(List.of("--hierarchy", "age=" + ageHierarchy));
        run = run(twice);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("twice") && run.err().contains("'age'"), run.err());

        List<String> notColumnEqualsFile = baseArgs(output, report);
        notColumnEqualsFile.addAll(List.of("--hierarchy", "age"));
        run = run(notColumnEqualsFile);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'age' is not COLUMN=FILE"), run.err());

        List<String> lWithoutSensitive = baseArgs(output, report);
        lWithoutSensitive.addAll(List.of("--l", "2"));
        run = run(lWithoutSensitive);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--sensitive"), run.err());

        List<String> sensitiveIsQi = baseArgs(output, report);
        sensitiveIsQi.addAll(List.of("--l", "2", "--sensitive", "zip"));
        assertEquals(2, run(sensitiveIsQi).exit());

        for (String bad : List.of("150%", "-0.1", "abc", "NaN")) {
            List<String> badSuppression = baseArgs(output, report);
            badSuppression.addAll(List.of("--suppression", bad));
            run = run(badSuppression);
            assertEquals(2, run.exit(), bad);
            assertTrue(run.err().contains(bad), run.err());
        }

        List<String> badK = baseArgs(output, report);
        badK.addAll(List.of("--k", "0"));
        assertEquals(2, run(badK).exit());

        List<String> badBudget = baseArgs(output, report);
        badBudget.addAll(List.of("--time-budget", "soon"));
        assertEquals(2, run(badBudget).exit());

        run = run(List.of("anonymize", "--input", table.toString(), "--output", output.toString(), "--report", report.toString()));
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--hierarchy"), run.err());

        List<String> missingInput = baseArgs(output, report);
        missingInput.set(2, dir.resolve("none.csv").toString());
        run = run(missingInput);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("none.csv"), run.err());

        assertFalse(Files.exists(output));
        assertFalse(Files.exists(report));
    }

    @Test
    void help_describesEveryOption() {
        CliRun run = CliRun.of("anonymize", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Usage: tipx anonymize"), run.out());
        for (String option : List.of("--input", "--separator", "--hierarchy", "--k", "--l", "--entropy-l", "--sensitive",
                "--suppression", "--metric", "--time-budget", "--output", "--report")) {
            assertTrue(run.out().contains(option), option);
        }
    }

    private Set<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * UCI adult (30,162 rows, nine quasi-identifiers) through the command line: the optimum ARX 3.9.2 finds
     * (shared guide REFERENCES.md) for k = 11 with 0 % and with 5 % suppression.
     */
    @Test
    void adult_kEleven_reachesArxsOptimum() throws IOException {
        Path adult = dir.resolve("adult.csv");
        try (InputStream in = resource("adult.csv")) {
            Files.copy(in, adult);
        }
        List<String> qis = List.of("sex", "age", "race", "marital-status", "education", "native-country", "workclass",
                "occupation", "salary-class");
        List<String> hierarchyArgs = new ArrayList<>();
        for (String qi : qis) {
            Path file = dir.resolve("adult_hierarchy_" + qi + ".csv");
            try (InputStream in = resource("adult_hierarchy_" + qi + ".csv")) {
                Files.copy(in, file);
            }
            hierarchyArgs.addAll(List.of("--hierarchy", qi + "=" + file));
        }
        record Expected(String suppression, List<Integer> levels, long suppressed, long classes, double loss) {
        }
        for (Expected expected : List.of(
                new Expected("0", List.of(0, 4, 1, 1, 3, 2, 2, 1, 0), 0, 24, 0.5731509655590044),
                new Expected("5%", List.of(0, 4, 0, 1, 2, 1, 1, 1, 0), 1507, 186, 0.30327639837087306))) {
            Path output = dir.resolve("adult-out.csv");
            Path report = dir.resolve("adult-report.json");
            List<String> args = new ArrayList<>(List.of("anonymize", "--input", adult.toString(), "--k", "11",
                    "--suppression", expected.suppression(), "--output", output.toString(), "--report", report.toString()));
            args.addAll(hierarchyArgs);
            CliRun run = run(args);

            assertEquals(0, run.exit(), run.err());
            JsonObject json = readJson(report);
            JsonObject levels = json.getJsonObject("levels");
            assertEquals(qis, List.copyOf(levels.keySet()), "levels in quasi-identifier order");
            assertEquals(expected.levels(), qis.stream().map(levels::getInt).toList(), expected.suppression());
            assertEquals(expected.suppressed(), json.getJsonNumber("suppressed").longValue());
            assertEquals(expected.classes(), json.getJsonNumber("classes").longValue());
            assertEquals(expected.loss(), json.getJsonNumber("loss").doubleValue(), 1e-9);
            assertTrue(json.getBoolean("optimal"));
            Map<List<String>, List<String[]>> classes = classes(readRows(output, ";"), qis);
            assertEquals(expected.classes(), classes.size());
            assertTrue(classes.values().stream().allMatch(c -> c.size() >= 11), "a class below k = 11");
        }
    }

    private static InputStream resource(String name) {
        // From the anonymizer module's test-jar, where the fixture and its provenance live.
        InputStream in = AnonymizeCommandTest.class.getResourceAsStream("/adult/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource adult/" + name + " (tipx-anonymizer test-jar)");
        }
        return in;
    }
}
