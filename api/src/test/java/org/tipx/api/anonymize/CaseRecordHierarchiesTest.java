package org.tipx.api.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.Hierarchy;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;

/** The default hierarchies cover every value a valid case record can have, and generalise as documented. */
class CaseRecordHierarchiesTest {

    private static final CaseRecordHierarchies HIERARCHIES = CaseRecordHierarchies.load();
    private static final CodeLists CODE_LISTS = CodeLists.load();

    private static Hierarchy of(String column) {
        return HIERARCHIES.of(column).orElseThrow();
    }

    private static void assertLeaves(Hierarchy hierarchy, List<String> values, String what) {
        List<String> missing = values.stream().filter(v -> hierarchy.generalise(v, 0).isEmpty()).toList();
        assertTrue(missing.isEmpty(), what + " missing from the hierarchy: " + missing);
    }

    private static List<String> codes(String list) {
        return CODE_LISTS.get(list).codes();
    }

    @Test
    void everyQuasiIdentifierOfTheTableHasAHierarchy() {
        assertEquals(CaseRecordTable.QUASI_IDENTIFIERS, List.copyOf(HIERARCHIES.byColumn().keySet()));
        assertEquals(CaseRecordTable.COLUMNS, List.copyOf(HIERARCHIES.byColumn().keySet()), "every published column");
    }

    @Test
    void everyCountryOfTheContractIsALeafOfEveryCountryColumn() {
        List<String> countries = new ArrayList<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        ReferenceData.load().countries().all().stream().map(Country::iso2).forEach(countries::add);
        countries.add("XX");
        countries.add("XS");
        for (String column : List.of(CaseRecordTable.CITIZENSHIP, CaseRecordTable.COUNTRY_OF_IDENTIFICATION,
                CaseRecordTable.COUNTRY_OF_EXPLOITATION)) {
            assertLeaves(of(column), countries, column);
            assertEquals(251, of(column).leafCount(), column);
        }
    }

    @Test
    void countriesGeneraliseToTheirM49SubregionThenRegion() {
        Hierarchy country = of(CaseRecordTable.CITIZENSHIP);
        for (Country c : ReferenceData.load().countries().all()) {
            if (!c.subregionName().isEmpty()) {
                assertEquals(Optional.of(c.subregionName()), country.generalise(c.iso2(), 1), c.iso2());
                assertEquals(Optional.of(c.regionName()), country.generalise(c.iso2(), 2), c.iso2());
            }
        }
        assertEquals(Optional.of("Unknown"), country.generalise("XX", 1));
        assertEquals(Optional.of("Stateless"), country.generalise("XS", 1));
        assertEquals(Optional.of("Antarctica"), country.generalise("AQ", 1));
        for (String other : List.of("XX", "XS", "AQ")) {
            assertEquals(Optional.of("Other or unknown"), country.generalise(other, 2));
        }
    }

    @Test
    void everyCodeOfTheContractListsIsALeaf() {
        assertLeaves(of(CaseRecordTable.SEX), codes("sex"), "sex");
        assertLeaves(of(CaseRecordTable.EXPLOITATION), codes("exploitation"), "exploitation");
        assertLeaves(of(CaseRecordTable.EXPLOITATION), List.of("multiple", "unknown"), "exploitation");
        assertLeaves(of(CaseRecordTable.AGE), codes("age_band"), "age bands in age");
        assertLeaves(CaseRecordHierarchies.named("age_band"), codes("age_band"), "age_band");
        assertLeaves(of(CaseRecordTable.STATUS), codes("status"), "status");
        assertLeaves(of(CaseRecordTable.IDENTIFIED_BY), codes("identified_by"), "identified_by");
        assertLeaves(of(CaseRecordTable.IDENTIFIED_BY), List.of(CaseRecordTable.UNKNOWN), "identified_by not recorded");
        assertEquals(4, of(CaseRecordTable.SEX).leafCount());
        assertEquals(2, of(CaseRecordTable.STATUS).leafCount());
        assertEquals(11, of(CaseRecordTable.IDENTIFIED_BY).leafCount());
        assertEquals(12, of(CaseRecordTable.EXPLOITATION).leafCount());
    }

    @Test
    void everyAgeJoinsTheContractsBandThenMinorOrAdult() {
        Hierarchy age = of(CaseRecordTable.AGE);
        for (int a = 0; a <= 120; a++) {
            String band = ExtractValidator.ageBandOf(a);
            assertEquals(Optional.of(band), age.generalise(Integer.toString(a), 1), "age " + a);
            assertEquals(Optional.of(a < 18 ? "minor" : "adult"), age.generalise(Integer.toString(a), 2), "age " + a);
            assertEquals(Optional.of(band), age.generalise(band, 1), "band " + band);
        }
        assertEquals(Optional.of("unknown"), age.generalise("unknown", 2));
        assertEquals(Optional.empty(), age.generalise("121", 0));
        Hierarchy ageBand = CaseRecordHierarchies.named("age_band");
        assertEquals(Optional.of("minor"), ageBand.generalise("9-17", 1));
        assertEquals(Optional.of("adult"), ageBand.generalise("18-20", 1));
    }

    @Test
    void registrationYearsGeneraliseToFiveYearPeriods() {
        Hierarchy year = of(CaseRecordTable.REGISTRATION_YEAR);
        assertEquals(36, year.leafCount());
        assertEquals(Optional.of("2025-2029"), year.generalise("2026", 1));
        assertEquals(Optional.of("2000-2004"), year.generalise("2000", 1));
        assertEquals(Optional.of("2035-2039"), year.generalise("2035", 1));
        assertEquals(Optional.empty(), year.generalise("1999", 0));
    }

    @Test
    void formsOfExploitationGeneraliseToTheirBroadCategory() {
        Hierarchy exploitation = of(CaseRecordTable.EXPLOITATION);
        assertEquals(Optional.of("sexual"), exploitation.generalise("sexual", 1));
        for (String labour : List.of("forced_labour", "child_labour", "servitude", "forced_begging", "forced_criminality")) {
            assertEquals(Optional.of("labour"), exploitation.generalise(labour, 1), labour);
        }
        for (String other : List.of("forced_marriage", "organ_removal", "forced_military", "other")) {
            assertEquals(Optional.of("other"), exploitation.generalise(other, 1), other);
        }
        assertEquals(Optional.of("multiple"), exploitation.generalise("multiple", 1));
    }

    @Test
    void statusGoesStraightToStar() {
        Hierarchy status = of(CaseRecordTable.STATUS);
        assertEquals(2, status.height());
        assertEquals(Optional.of("*"), status.generalise("presumed", 1));
        assertEquals(Optional.of("*"), status.generalise("confirmed", 1));
    }

    @Test
    void identifyingAgenciesGeneraliseToTheirRole() {
        Hierarchy identifiedBy = of(CaseRecordTable.IDENTIFIED_BY);
        assertEquals(3, identifiedBy.height());
        for (String enforcer : List.of("police", "border_migration", "labour_inspection")) {
            assertEquals(Optional.of("law_enforcement"), identifiedBy.generalise(enforcer, 1), enforcer);
        }
        assertEquals(Optional.of("justice"), identifiedBy.generalise("prosecution_court", 1));
        for (String other : List.of("ngo", "international_org", "social_services", "hotline", "self_referral", "other")) {
            assertEquals(Optional.of("support_or_other"), identifiedBy.generalise(other, 1), other);
        }
        assertEquals(Optional.of("unknown"), identifiedBy.generalise("unknown", 1), "unknown stays itself");
        assertEquals(Optional.of("*"), identifiedBy.generalise("labour_inspection", 2));
    }

    @Test
    void everyHierarchyEndsInStarAtItsTopLevel() {
        HIERARCHIES.byColumn().forEach((column, hierarchy) ->
                assertEquals(Optional.of("*"), hierarchy.generalise(
                        column.equals(CaseRecordTable.AGE) ? "30" : firstLeafOf(column), hierarchy.height() - 1), column));
    }

    private static String firstLeafOf(String column) {
        return switch (column) {
            case CaseRecordTable.REGISTRATION_YEAR -> "2026";
            case CaseRecordTable.SEX -> "female";
            case CaseRecordTable.EXPLOITATION -> "sexual";
            case CaseRecordTable.STATUS -> "confirmed";
            case CaseRecordTable.IDENTIFIED_BY -> "labour_inspection";
            default -> "UA";
        };
    }

    @Test
    void anUnknownHierarchyNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CaseRecordHierarchies.named("nope"));
    }
}
