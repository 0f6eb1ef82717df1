package org.tipx.api.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tipx.api.domain.Period;
import org.tipx.api.reference.Countries;
import org.tipx.api.reference.ReferenceData;

/**
 * An independent reading of the extract contract (docs/case-record-v1.md), written from the contract and
 * not from the generator: the header, the code lists and the row rules, plus a strict RFC 4180 parser.
 */
final class ContractCheck {

    static final List<String> HEADER = List.of("record_id", "registration_date", "registration_year", "status",
            "identified_by", "given_name", "family_name", "birth_date", "document_number", "sex", "age", "age_band",
            "minor_at_exploitation", "citizenship", "country_of_identification", "country_of_exploitation",
            "exploitation", "labour_sector", "sexual_exploitation_type", "means_of_control", "recruiter_relation",
            "assistance");

    static final Map<String, Set<String>> SINGLE_CODES = Map.of(
            "status", Set.of("presumed", "confirmed"),
            "identified_by", Set.of("police", "prosecution_court", "ngo", "international_org", "social_services",
                    "labour_inspection", "border_migration", "hotline", "self_referral", "other", "unknown"),
            "sex", Set.of("female", "male", "other", "unknown"),
            "age_band", Set.of("0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"),
            "minor_at_exploitation", Set.of("yes", "no", "unknown"));

    static final Map<String, Set<String>> MULTI_CODES = Map.of(
            "exploitation", Set.of("sexual", "forced_labour", "forced_marriage", "forced_criminality", "forced_begging",
                    "organ_removal", "forced_military", "child_labour", "servitude", "other"),
            "labour_sector", Set.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P",
                    "Q", "R", "S", "T", "U"),
            "sexual_exploitation_type", Set.of("prostitution", "pornography", "remote_interactive",
                    "private_sexual_services"),
            "means_of_control", Set.of("debt_bondage", "takes_earnings", "restricts_financial_access", "threats",
                    "psychological_abuse", "physical_abuse", "sexual_abuse", "false_promises",
                    "psychoactive_substances", "restricts_movement", "restricts_medical_care",
                    "excessive_working_hours", "uses_children", "threat_of_law_enforcement", "withholds_necessities",
                    "withholds_documents", "other"),
            "recruiter_relation", Set.of("intimate_partner", "friend", "family", "other", "unknown"),
            "assistance", Set.of("shelter", "medical", "psychological", "legal", "reintegration", "return",
                    "financial", "none", "declined", "unknown"));

    static final Set<String> REQUIRED = Set.of("record_id", "status", "sex");
    static final Set<String> FREE_TEXT = Set.of("record_id", "given_name", "family_name", "document_number");

    private static final Countries COUNTRIES = ReferenceData.load().countries();

    private ContractCheck() {
    }

    /** Strict RFC 4180: CRLF line ends, quotes only around whole fields, doubled quotes inside. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean fieldStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        fail("unterminated quoted field");
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                fieldStart = false;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\r') {
                assertTrue(i + 1 < text.length() && text.charAt(i + 1) == '\n', "CR without LF");
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStart = true;
                i += 2;
            } else {
                assertFalse(c == '"' || c == '\n', "quote or bare LF inside an unquoted field");
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        assertTrue(record.isEmpty() && field.isEmpty(), "the last record must end with CRLF");
        return records;
    }

    /** Checks every row of a parsed extract against the contract; returns the rows as maps. */
    static List<Map<String, String>> checkExtract(List<List<String>> records, Period period) {
        assertEquals(HEADER, records.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertEquals(HEADER.size(), record.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                row.put(HEADER.get(i), record.get(i));
            }
            checkRow(row, period);
            assertTrue(ids.add(row.get("record_id")), "duplicate record_id");
            rows.add(row);
        }
        return rows;
    }

    static void checkRow(Map<String, String> row, Period period) {
        for (String field : REQUIRED) {
            assertFalse(row.get(field).isEmpty(), field + " is required");
        }
        String id = row.get("record_id");
        assertTrue(id.length() <= 64, "record_id too long");
        String date = row.get("registration_date");
        String year = row.get("registration_year");
        assertTrue(date.isEmpty() != year.isEmpty(), "exactly one of registration_date / registration_year");
        LocalDate registration = null;
        if (!date.isEmpty()) {
            registration = LocalDate.parse(date);
            assertTrue(period.contains(registration), "registration date outside " + period);
        } else {
            assertEquals(period.year(), Integer.parseInt(year));
        }
        SINGLE_CODES.forEach((field, codes) -> {
            String value = row.get(field);
            assertTrue(value.isEmpty() || codes.contains(value), field + " has an unknown code");
        });
        MULTI_CODES.forEach((field, codes) -> {
            String value = row.get(field);
            if (!value.isEmpty()) {
                List<String> parts = List.of(value.split(";", -1));
                assertEquals(parts.size(), new HashSet<>(parts).size(), field + " repeats a code");
                assertTrue(codes.containsAll(parts), field + " has an unknown code");
            }
        });
        String age = row.get("age");
        if (!age.isEmpty()) {
            int years = Integer.parseInt(age);
            assertTrue(years >= 0 && years <= 120, "age out of range");
            assertTrue(row.get("age_band").isEmpty(), "age_band is for rows without age");
        }
        String birth = row.get("birth_date");
        if (!birth.isEmpty() && registration != null) {
            assertTrue(LocalDate.parse(birth).isBefore(registration), "born after registration");
        }
        checkCountry(row.get("citizenship"), Set.of("XX", "XS"));
        checkCountry(row.get("country_of_identification"), Set.of("XX"));
        checkCountry(row.get("country_of_exploitation"), Set.of("XX"));
        for (String field : FREE_TEXT) {
            String value = row.get(field);
            assertFalse(!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0, field + " looks like a formula");
        }
    }

    private static void checkCountry(String value, Set<String> pseudoCodes) {
        assertTrue(value.isEmpty() || pseudoCodes.contains(value) || COUNTRIES.isKnown(value),
                "unknown country code " + value);
    }
}
