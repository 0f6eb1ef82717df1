package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped code lists hold exactly the contract's codes. */
class CodeListsTest {

    private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("status", List.of("presumed", "confirmed")),
            Map.entry("identified_by", List.of("police", "prosecution_court", "ngo", "international_org",
                    "social_services", "labour_inspection", "border_migration", "hotline", "self_referral", "other",
                    "unknown")),
            Map.entry("sex", List.of("female", "male", "other", "unknown")),
            Map.entry("age_band", List.of("0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47",
                    "48+")),
            Map.entry("minor_at_exploitation", List.of("yes", "no", "unknown")),
            Map.entry("exploitation", List.of("sexual", "forced_labour", "forced_marriage", "forced_criminality",
                    "forced_begging", "organ_removal", "forced_military", "child_labour", "servitude", "other")),
            Map.entry("labour_sector", List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
                    "O", "P", "Q", "R", "S", "T", "U")),
            Map.entry("sexual_exploitation_type", List.of("prostitution", "pornography", "remote_interactive",
                    "private_sexual_services")),
            Map.entry("means_of_control", List.of("debt_bondage", "takes_earnings", "restricts_financial_access",
                    "threats", "psychological_abuse", "physical_abuse", "sexual_abuse", "false_promises",
                    "psychoactive_substances", "restricts_movement", "restricts_medical_care",
                    "excessive_working_hours", "uses_children", "threat_of_law_enforcement", "withholds_necessities",
                    "withholds_documents", "other")),
            Map.entry("recruiter_relation", List.of("intimate_partner", "friend", "family", "other", "unknown")),
            Map.entry("assistance", List.of("shelter", "medical", "psychological", "legal", "reintegration",
                    "return", "financial", "none", "declined", "unknown")));

    private final CodeLists lists = CodeLists.load();

    @Test
    void everyContractList_isLoadedWithExactlyItsCodes() {
        assertEquals(CONTRACT.keySet(), Set.copyOf(CodeLists.CONTRACT_LISTS));
        CONTRACT.forEach((name, codes) -> assertEquals(codes, lists.get(name).codes(), name));
    }

    @Test
    void everyCode_hasALabel() {
        for (String name : CodeLists.CONTRACT_LISTS) {
            lists.get(name).labels().forEach((code, label) -> assertTrue(!label.isBlank(), name + "/" + code));
        }
    }

    @Test
    void labourSector_carriesTheIsicRev4SectionTitles() {
        CodeList sectors = lists.get("labour_sector");

        assertEquals("Agriculture, forestry and fishing", sectors.labels().get("A"));
        assertEquals("Wholesale and retail trade; repair of motor vehicles and motorcycles",
                sectors.labels().get("G"));
        assertEquals("Activities of households as employers; undifferentiated goods- and services-producing "
                + "activities of households for own use", sectors.labels().get("T"));
        assertEquals("Activities of extraterritorial organizations and bodies", sectors.labels().get("U"));
    }

    @Test
    void find_unknownList_isEmpty_andGetThrows() {
        assertEquals(Optional.empty(), lists.find("colour"));
        assertThrows(IllegalArgumentException.class, () -> lists.get("colour"));
    }

    @Test
    void of_sameNameTwice_throws() {
        CodeList sex = lists.get("sex");

        assertThrows(IllegalArgumentException.class, () -> CodeLists.of(List.of(sex, sex)));
    }

    @Test
    void codeList_keepsItsOrder_andCannotBeEmpty() {
        CodeList list = new CodeList("x", new java.util.LinkedHashMap<>(Map.of("b", "B")));
        assertEquals(List.of("b"), list.codes());
        assertThrows(IllegalArgumentException.class, () -> new CodeList("empty", Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> list.labels().put("c", "C"));
    }
}
