package org.tipx.api.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.domain.Period;
import org.tipx.api.sample.NamePools.Name;

class SyntheticExtractsTest {

    private static final long SEED = 20260323L;
    private static final List<SampleExtract> EXTRACTS = new SyntheticExtracts(SEED).generate();
    /** Close to what a linkage normaliser does: Cyrillic to Latin, accents off, lower case. */
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final Transliterator UKRAINIAN_BGN = Transliterator.getInstance("Ukrainian-Latin/BGN; Latin-ASCII");

    /** A parsed row and the agency that wrote it. */
    private record Reported(SampleAgency agency, Map<String, String> row) {
    }

    private static List<Reported> allRows() {
        List<Reported> rows = new ArrayList<>();
        for (SampleExtract e : EXTRACTS) {
            for (Map<String, String> row : ContractCheck.checkExtract(ContractCheck.parseCsv(e.csv()), e.period())) {
                rows.add(new Reported(e.agency(), row));
            }
        }
        return rows;
    }

    @Test
    void agencies_sixInFiveCountries_withContractAgencyTypes() {
        List<SampleAgency> agencies = SyntheticExtracts.agencies();
        assertEquals(6, agencies.size());
        assertEquals(5, agencies.stream().map(SampleAgency::country).distinct().count());
        assertTrue(ContractCheck.SINGLE_CODES.get("identified_by")
                .containsAll(agencies.stream().map(SampleAgency::type).toList()));
        assertEquals(agencies.size(), agencies.stream().map(SampleAgency::id).distinct().count());
    }

    @Test
    void generate_oneExtractPerAgencyAndQuarter_2025Q1to2026Q2() {
        assertEquals(36, EXTRACTS.size());
        assertEquals(List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"),
                SyntheticExtracts.periods().stream().map(Period::toString).toList());
        Set<String> pairs = EXTRACTS.stream().map(e -> e.agency().id() + "/" + e.period()).collect(Collectors.toSet());
        assertEquals(36, pairs.size());
        assertTrue(EXTRACTS.stream().allMatch(e -> e.rowCount() >= 10));
    }

    @Test
    void generate_sameSeed_sameBytes_otherSeed_otherBytes() {
        assertEquals(EXTRACTS, new SyntheticExtracts(SEED).generate());
        assertNotEquals(EXTRACTS, new SyntheticExtracts(SEED + 1).generate());
    }

    @Test
    void generate_everyExtract_isValidRfc4180AndFollowsTheContract() {
        // checkExtract asserts the header, codes, countries, dates inside the period and unique ids.
        assertTrue(allRows().size() > 900);
    }

    @Test
    void generate_everyField_isSometimesFilledAndEveryOptionalFieldSometimesEmpty() {
        List<Reported> rows = allRows();
        for (String field : ContractCheck.HEADER) {
            assertTrue(rows.stream().anyMatch(r -> !r.row().get(field).isEmpty()), field + " never filled");
            if (!ContractCheck.REQUIRED.contains(field)) {
                assertTrue(rows.stream().anyMatch(r -> r.row().get(field).isEmpty()), field + " never empty");
            }
        }
        for (String field : ContractCheck.MULTI_CODES.keySet()) {
            assertTrue(rows.stream().anyMatch(r -> r.row().get(field).contains(";")), field + " never multi-valued");
        }
    }

    @Test
    void generate_aboutOneFifthOfPersons_areReportedByTwoAgencies_withTheSameIdentifiers() {
        Map<String, Set<String>> agenciesByPerson = new HashMap<>();
        Map<String, Set<Boolean>> scriptsByPerson = new HashMap<>();
        int anonymous = 0;
        for (Reported r : allRows()) {
            if (r.row().get("family_name").isEmpty()) {
                anonymous++;
                continue;
            }
            String key = identityKey(r.row());
            agenciesByPerson.computeIfAbsent(key, k -> new HashSet<>()).add(r.agency().id());
            scriptsByPerson.computeIfAbsent(key, k -> new HashSet<>()).add(isCyrillic(r.row().get("family_name")));
        }
        long twice = agenciesByPerson.values().stream().filter(a -> a.size() == 2).count();
        assertTrue(agenciesByPerson.values().stream().allMatch(a -> a.size() <= 2), "a person reported thrice");
        double share = (double) twice / (agenciesByPerson.size() + anonymous);
        assertTrue(share >= 0.15 && share <= 0.25, "share of persons reported twice: " + share);
        long crossScript = scriptsByPerson.values().stream().filter(s -> s.size() == 2).count();
        assertTrue(crossScript >= twice / 2, "most pairs are written once in Cyrillic, once in Latin: " + crossScript);
    }

    @Test
    void generate_eachAgencyReportsAPersonOnce_andEveryRecordIdIsUniqueWithinItsExtract() {
        for (SampleExtract e : EXTRACTS) {
            List<Map<String, String>> rows = ContractCheck.checkExtract(ContractCheck.parseCsv(e.csv()), e.period());
            List<String> keys = rows.stream().filter(r -> !r.get("family_name").isEmpty())
                    .map(SyntheticExtractsTest::identityKey).toList();
            assertEquals(keys.size(), new HashSet<>(keys).size(), e.agency().id() + " " + e.period());
        }
    }

    @Test
    void generate_cyrillicAgencies_writeCyrillicNames_latinAgencies_neverDo() {
        List<Reported> rows = allRows();
        assertTrue(rows.stream().anyMatch(r -> r.agency().country().equals("UA") && isCyrillic(r.row().get("family_name"))));
        assertTrue(rows.stream().filter(r -> Set.of("PL", "DE", "NL").contains(r.agency().country()))
                .noneMatch(r -> isCyrillic(r.row().get("family_name")) || isCyrillic(r.row().get("given_name"))));
    }

    @Test
    void generate_sexAndExploitation_followThePublicShares() {
        List<Reported> rows = allRows();
        double female = rows.stream().filter(r -> r.row().get("sex").equals("female")).count() / (double) rows.size();
        // Europe 2017-2022 in GLOTIP: 50% of detected victims female (derive_profile.py).
        assertTrue(female > 0.4 && female < 0.6, "female share " + female);
        long femaleSexual = rows.stream().filter(r -> r.row().get("sex").equals("female")
                && r.row().get("exploitation").contains("sexual")).count();
        long maleSexual = rows.stream().filter(r -> r.row().get("sex").equals("male")
                && r.row().get("exploitation").contains("sexual")).count();
        assertTrue(femaleSexual > 3 * maleSexual, "sexual exploitation is mostly of women and girls");
    }

    @Test
    void ukrainianNames_transliterateToTheirLatinSpelling_underIcuAndBgn() {
        List<Name> names = new ArrayList<>();
        NamePools.Pool pool = NamePools.UKRAINIAN;
        names.addAll(pool.femaleGiven());
        names.addAll(pool.maleGiven());
        names.addAll(pool.femaleFamily());
        for (Name name : names) {
            String cyrillic = name.cyrillic().orElseThrow();
            assertEquals(name.latin(), TO_ASCII.transliterate(cyrillic), cyrillic);
            assertEquals(name.latin(), UKRAINIAN_BGN.transliterate(cyrillic), cyrillic);
        }
    }

    @Test
    void writeLargeExtract_csv_writesNValidRowsWithUniqueIds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("large.csv");
        Period period = Period.parse("2026-Q1");
        SyntheticExtracts.writeLargeExtract(file, 20_000, 7L, period, false);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = ContractCheck.checkExtract(ContractCheck.parseCsv(text), period);
        assertEquals(20_000, rows.size());
        assertEquals(20_000, rows.stream().map(r -> r.get("record_id")).distinct().count());

        Path again = dir.resolve("again.csv");
        SyntheticExtracts.writeLargeExtract(again, 20_000, 7L, period, false);
        assertEquals(-1, Files.mismatch(file, again), "same seed, same file");
    }

    @Test
    void writeLargeExtract_ndjson_writesOneValidObjectPerLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("large.ndjson");
        Period period = Period.parse("2025-Q4");
        SyntheticExtracts.writeLargeExtract(file, 5_000, 11L, period, true);
        Set<String> ids = new HashSet<>();
        int lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                Map<String, String> row = fromJson(line);
                ContractCheck.checkRow(row, period);
                assertTrue(ids.add(row.get("record_id")));
            }
        }
        assertEquals(5_000, lines);
    }

    @Test
    void writeLargeExtract_zeroRows_writesOnlyTheHeader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.csv");
        SyntheticExtracts.writeLargeExtract(file, 0, 1L, Period.parse("2026-Q1"), false);
        assertEquals(String.join(",", ContractCheck.HEADER) + "\r\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    /** An NDJSON object as CSV-like cells: arrays joined by ';', numbers as text, absent as empty. */
    private static Map<String, String> fromJson(String line) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            object = reader.readObject();
        }
        assertTrue(ContractCheck.HEADER.containsAll(object.keySet()), "unknown field");
        Map<String, String> row = new LinkedHashMap<>();
        for (String field : ContractCheck.HEADER) {
            JsonValue value = object.get(field);
            String text;
            if (value == null) {
                text = "";
            } else if (value instanceof JsonArray array) {
                assertFalse(array.isEmpty(), field + " is an empty array");
                text = array.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .collect(Collectors.joining(";"));
            } else if (value instanceof JsonString string) {
                text = string.getString();
            } else {
                assertEquals(JsonValue.ValueType.NUMBER, value.getValueType(), field);
                text = value.toString();
            }
            row.put(field, text);
        }
        return row;
    }

    private static String identityKey(Map<String, String> row) {
        return String.join("|", ascii(row.get("given_name")), ascii(row.get("family_name")),
                row.get("birth_date"), row.get("document_number"));
    }

    private static String ascii(String name) {
        return TO_ASCII.transliterate(name).toLowerCase(Locale.ROOT);
    }

    private static boolean isCyrillic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }
}
