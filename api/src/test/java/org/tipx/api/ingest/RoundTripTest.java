package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.pseudonym.DirectIdentifiers;
import org.tipx.api.pseudonym.Pseudonym;

/**
 * Seeded random extracts: valid ones come back as exactly the records they describe, in CSV and NDJSON alike;
 * one planted fault is found at its row with its code, and only the rows before it reach the sink.
 */
class RoundTripTest {

    private static final List<String> NAMES = List.of("Olena", "Коваленко", "Nguyễn Văn", "O'Brien", "Ana, María",
            "\"Kiki\" Mensah", "محمد", "Jean\nPierre", "Łukasz", "X Æ A-12");
    private static final List<String> COUNTRIES = List.of("UA", "PL", "NG", "TH", "VN", "GB", "XX");
    private static final List<String> MULTI_FIELDS = List.of("exploitation", "labour_sector",
            "sexual_exploitation_type", "means_of_control", "recruiter_relation", "assistance");

    /** One generated row: its cells by field (String, or List for multi-valued fields) and the record it means. */
    private record Row(Map<String, Object> cells, CaseRecord expected) {
    }

    @RepeatedTest(25)
    void validRandomExtract_roundTripsInBothFormats(RepetitionInfo repetition) {
        Random random = new Random(1_000_003L * repetition.getCurrentRepetition());
        List<Row> rows = rows(random, 1 + random.nextInt(300));
        List<CaseRecord> expected = rows.stream().map(Row::expected).toList();

        for (ExtractFormat format : ExtractFormat.values()) {
            String extract = format == ExtractFormat.CSV ? csv(rows, random) : ndjson(rows, random);
            TestExtracts.Ingested ingested = TestExtracts.ingest(extract, format);

            assertTrue(ingested.outcome().valid(), () -> format + " " + ingested.outcome().problems());
            assertEquals(rows.size(), ingested.outcome().rows());
            assertEquals(expected, ingested.records(), format.toString());
            assertEquals(expected.stream().filter(CaseRecord::linked).count(), ingested.outcome().linkedRows());
        }
    }

    @RepeatedTest(25)
    void onePlantedFault_isFoundAtItsRow(RepetitionInfo repetition) {
        Random random = new Random(7_777_777L * repetition.getCurrentRepetition());
        List<Row> rows = rows(random, 2 + random.nextInt(200));
        int faulty = random.nextInt(rows.size());
        String[][] faults = {
            {"status", "suspected", "unknown_code"},
            {"sex", "", "required"},
            {"age", "121", "out_of_range"},
            {"registration_date", "2026-10-01", "outside_period"},
            {"citizenship", "ZZ", "unknown_country"},
            {"record_id", "=HYPERLINK()", "formula"},
            {"given_name", "@evil", "formula"},
            {"birth_date", "1990-02-31", "invalid_date"},
            {"record_id", "", "required"},
        };
        String[] fault = faults[random.nextInt(faults.length)];
        Map<String, Object> cells = new LinkedHashMap<>(rows.get(faulty).cells());
        cells.put(fault[0], fault[1]);
        if (fault[0].equals("registration_date")) {
            cells.remove("registration_year");
        }
        rows.set(faulty, new Row(cells, rows.get(faulty).expected()));

        for (ExtractFormat format : ExtractFormat.values()) {
            String extract = format == ExtractFormat.CSV ? csv(rows, random) : ndjson(rows, random);
            TestExtracts.Ingested ingested = TestExtracts.ingest(extract, format);

            assertFalse(ingested.outcome().valid());
            assertEquals(1, ingested.outcome().problemCount(), () -> ingested.outcome().problems().toString());
            ValidationProblem problem = ingested.outcome().problems().getFirst();
            assertEquals(fault[2], problem.code());
            assertEquals(fault[0], problem.field());
            assertEquals(faulty + 1, problem.row(), "NDJSON rows are line numbers, one record a line");
            assertEquals(rows.subList(0, faulty).stream().map(Row::expected).toList(), ingested.records());
        }
    }

    private static List<Row> rows(Random random, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(random, "case-" + i + "-" + Integer.toString(random.nextInt(1 << 20), 36)));
        }
        return rows;
    }

    private static Row row(Random random, String recordId) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("record_id", recordId);
        LocalDate date = TestExtracts.Q3_2026.firstDay().plusDays(random.nextInt(92));
        int registration = random.nextInt(3);
        if (registration != 1) {
            cells.put("registration_date", date.toString());
        }
        if (registration != 0) {
            cells.put("registration_year", "2026");
        }
        String status = pick(random, "status");
        cells.put("status", status);
        Optional<String> identifiedBy = maybe(random, () -> pick(random, "identified_by"));
        identifiedBy.ifPresent(v -> cells.put("identified_by", v));
        Optional<String> given = maybe(random, () -> NAMES.get(random.nextInt(NAMES.size())));
        given.ifPresent(v -> cells.put("given_name", v));
        Optional<String> family = maybe(random, () -> NAMES.get(random.nextInt(NAMES.size())));
        family.ifPresent(v -> cells.put("family_name", v));
        Optional<LocalDate> birth = maybe(random, () -> LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12),
                1 + random.nextInt(28)));
        birth.ifPresent(v -> cells.put("birth_date", v.toString()));
        Optional<String> document = maybe(random, () -> "P" + random.nextInt(10_000_000));
        document.ifPresent(v -> cells.put("document_number", v));
        String sex = pick(random, "sex");
        cells.put("sex", sex);
        OptionalInt age = random.nextBoolean() ? OptionalInt.of(random.nextInt(121)) : OptionalInt.empty();
        Optional<String> ageBand;
        if (age.isPresent()) {
            cells.put("age", Integer.toString(age.getAsInt()));
            ageBand = Optional.of(ExtractValidator.ageBandOf(age.getAsInt()));
            if (random.nextBoolean()) {
                cells.put("age_band", ageBand.get());
            }
        } else {
            ageBand = maybe(random, () -> pick(random, "age_band"));
            ageBand.ifPresent(v -> cells.put("age_band", v));
        }
        Optional<String> minor = maybe(random, () -> pick(random, "minor_at_exploitation"));
        minor.ifPresent(v -> cells.put("minor_at_exploitation", v));
        Optional<String> citizenship = maybe(random, () -> random.nextInt(8) == 0 ? "XS"
                : COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        citizenship.ifPresent(v -> cells.put("citizenship", v));
        Optional<String> identification = maybe(random, () -> COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        identification.ifPresent(v -> cells.put("country_of_identification", v));
        Optional<String> exploitationCountry = maybe(random, () -> COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        exploitationCountry.ifPresent(v -> cells.put("country_of_exploitation", v));
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (String field : MULTI_FIELDS) {
            List<String> codes = new ArrayList<>(TestExtracts.CODE_LISTS.get(field).codes());
            Collections.shuffle(codes, random);
            List<String> chosen = List.copyOf(codes.subList(0, random.nextInt(Math.min(4, codes.size()) + 1)));
            multi.put(field, chosen);
            if (!chosen.isEmpty() || random.nextBoolean()) {
                cells.put(field, chosen);
            }
        }

        DirectIdentifiers identifiers = given.isEmpty() && family.isEmpty() && birth.isEmpty() && document.isEmpty()
                ? DirectIdentifiers.NONE
                : new DirectIdentifiers(given, family, birth, document);
        Pseudonym pseudonym = new HashingPseudonymiser().pseudonymise(TestExtracts.CONTEXT.agencyId(), recordId,
                identifiers);
        CaseRecord expected = new CaseRecord(pseudonym.value(), pseudonym.linked(), pseudonym.recordKey(), 2026,
                registration != 1 ? Optional.of(date) : Optional.empty(), status, identifiedBy, sex, age, ageBand,
                minor, citizenship, identification.orElse(TestExtracts.CONTEXT.agencyCountry()), exploitationCountry,
                multi.get("exploitation"), multi.get("labour_sector"), multi.get("sexual_exploitation_type"),
                multi.get("means_of_control"), multi.get("recruiter_relation"), multi.get("assistance"));
        return new Row(cells, expected);
    }

    /** Every field of the contract as a column, in a random order; random quoting, line ends and BOM. */
    private static String csv(List<Row> rows, Random random) {
        List<String> header = new ArrayList<>();
        for (Field field : Field.values()) {
            header.add(field.wireName());
        }
        Collections.shuffle(header, random);
        String lineEnd = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
        csv.append(String.join(",", header)).append(lineEnd);
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (String field : header) {
                Object value = row.cells().getOrDefault(field, "");
                String text = value instanceof List<?> list ? String.join(random.nextBoolean() ? ";" : " ; ",
                        list.stream().map(Object::toString).toList()) : value.toString();
                cells.add(random.nextInt(5) == 0 ? '"' + text.replace("\"", "\"\"") + '"' : TestExtracts.csvCell(text));
            }
            csv.append(String.join(",", cells)).append(lineEnd);
        }
        return csv.toString();
    }

    /** One object a line; members in random order; ages as numbers or strings; absent fields omitted or null. */
    private static String ndjson(List<Row> rows, Random random) {
        StringBuilder ndjson = new StringBuilder();
        for (Row row : rows) {
            List<Map.Entry<String, Object>> members = new ArrayList<>(row.cells().entrySet());
            Collections.shuffle(members, random);
            StringWriter line = new StringWriter();
            try (JsonGenerator json = Json.createGenerator(line)) {
                json.writeStartObject();
                for (Map.Entry<String, Object> member : members) {
                    if (member.getValue() instanceof List<?> list) {
                        json.writeStartArray(member.getKey());
                        list.forEach(item -> json.write(item.toString()));
                        json.writeEnd();
                    } else if (member.getKey().equals("age") && random.nextBoolean()) {
                        json.write("age", Integer.parseInt(member.getValue().toString()));
                    } else {
                        json.write(member.getKey(), member.getValue().toString());
                    }
                }
                if (!row.cells().containsKey("identified_by") && random.nextBoolean()) {
                    json.writeNull("identified_by");
                }
                json.writeEnd();
            }
            ndjson.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return ndjson.toString();
    }

    private static String pick(Random random, String list) {
        List<String> codes = TestExtracts.CODE_LISTS.get(list).codes();
        return codes.get(random.nextInt(codes.size()));
    }

    private static <T> Optional<T> maybe(Random random, java.util.function.Supplier<T> value) {
        return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
    }
}
