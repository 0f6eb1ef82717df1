package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.ingest.CodeLists;

class LabelsTest {

    private static final Labels LABELS = FormatFixtures.LABELS;

    @Test
    void dimensions_everyDimensionInEnumOrder_withItsLabel() {
        List<DimensionInfo> infos = LABELS.dimensions();
        assertEquals(Arrays.asList(Dimension.values()), infos.stream().map(DimensionInfo::dimension).toList());
        assertEquals(List.of("year", "sex", "age_band", "minor_at_exploitation", "citizenship",
                "country_of_identification", "country_of_exploitation", "exploitation", "identified_by", "status", "assistance"),
                infos.stream().map(DimensionInfo::id).toList());
        assertEquals(List.of("Year", "Sex", "Age band", "Minor at exploitation", "Citizenship",
                "Country of identification", "Country of exploitation", "Form of exploitation", "Identified by",
                "Victim status", "Assistance received"), infos.stream().map(DimensionInfo::label).toList());
    }

    @Test
    void codes_followTheCodeListOrder_withUnknownLast() {
        CodeLists lists = CodeLists.load();
        for (Dimension dimension : List.of(Dimension.SEX, Dimension.AGE_BAND, Dimension.MINOR_AT_EXPLOITATION,
                Dimension.EXPLOITATION, Dimension.IDENTIFIED_BY, Dimension.STATUS, Dimension.ASSISTANCE)) {
            List<String> expected = new java.util.ArrayList<>(lists.get(dimension.id()).codes());
            expected.remove(Dimension.UNKNOWN);
            expected.add(Dimension.UNKNOWN);
            assertEquals(expected, LABELS.dimension(dimension).codes().stream().map(DimensionInfo.Code::code).toList(),
                    dimension.id());
        }
    }

    @Test
    void label_codeFromTheCodeList() {
        assertEquals("18 to 20 years", LABELS.label(Dimension.AGE_BAND, "18-20"));
        assertEquals("Slavery and similar practices, servitude", LABELS.label(Dimension.EXPLOITATION, "servitude"));
        assertEquals("Female (HTCDS: Feminine)", LABELS.label(Dimension.SEX, "female"));
        assertEquals("Confirmed victim (HTCDS: Actual)", LABELS.label(Dimension.STATUS, "confirmed"));
    }

    @Test
    void label_countryCode_isTheCountryName_inEachCountryDimension() {
        for (Dimension dimension : List.of(Dimension.CITIZENSHIP, Dimension.COUNTRY_OF_IDENTIFICATION,
                Dimension.COUNTRY_OF_EXPLOITATION)) {
            assertEquals("Ukraine", LABELS.label(dimension, "UA"));
            assertEquals("Republic of Moldova", LABELS.label(dimension, "MD"));
        }
        assertTrue(LABELS.dimension(Dimension.CITIZENSHIP).codes().size() > 240);
    }

    @Test
    void label_total_isTotal_inEveryDimension() {
        for (Dimension dimension : Dimension.values()) {
            assertEquals("Total", LABELS.label(dimension, "_T"));
        }
    }

    @Test
    void label_unknown_saysNotRecorded_orMergesWithTheListsOwnUnknown() {
        // Optional fields whose list has no unknown: an empty field.
        assertEquals("Not recorded", LABELS.label(Dimension.AGE_BAND, "unknown"));
        assertEquals("Not recorded", LABELS.label(Dimension.EXPLOITATION, "unknown"));
        assertEquals("Not recorded", LABELS.label(Dimension.CITIZENSHIP, "unknown"));
        // Optional fields whose list has its own unknown: both fall into the same cell.
        assertEquals("Unknown or not recorded", LABELS.label(Dimension.IDENTIFIED_BY, "unknown"));
        assertEquals("Unknown or not recorded", LABELS.label(Dimension.MINOR_AT_EXPLOITATION, "unknown"));
        // A required field keeps its list's label.
        assertEquals("Unknown (HTCDS: NonSpecifiedUnknown)", LABELS.label(Dimension.SEX, "unknown"));
    }

    @Test
    void label_year_isTheYearItself_andYearHasAnOpenCodeList() {
        assertEquals("2021", LABELS.label(Dimension.YEAR, "2021"));
        assertTrue(LABELS.dimension(Dimension.YEAR).codes().isEmpty());
    }

    @Test
    void label_codeInNoList_isTheCodeItself() {
        assertEquals("new_form", LABELS.label(Dimension.EXPLOITATION, "new_form"));
    }

    @Test
    void codes_neverListTheTotal() {
        for (DimensionInfo info : LABELS.dimensions()) {
            assertFalse(info.codes().stream().anyMatch(c -> c.code().equals("_T")), info.id());
        }
    }

    @Test
    void russianAndUkrainian_labelEveryCodeOfEveryDimension_andLookUpTheSameWay() {
        Labels ru = Labels.load(Language.RU);
        Labels uk = Labels.load(Language.UK);
        assertEquals(Language.RU, ru.language());
        assertEquals("Возрастная группа", ru.label(Dimension.AGE_BAND));
        assertEquals("от 18 до 20 лет", ru.label(Dimension.AGE_BAND, "18-20"));
        assertEquals("Всего", ru.label(Dimension.SEX, "_T"));
        assertEquals("Не указано", ru.label(Dimension.AGE_BAND, "unknown"));
        assertEquals("Невідомо або не зазначено", uk.label(Dimension.IDENTIFIED_BY, "unknown"));
        assertEquals("Молдова", uk.label(Dimension.CITIZENSHIP, "MD"));
        assertEquals("Особа без громадянства", uk.label(Dimension.CITIZENSHIP, "XS"));
        assertEquals("XS", uk.label(Dimension.COUNTRY_OF_IDENTIFICATION, "XS"), "stateless is a citizenship only");
        assertEquals("2021", ru.label(Dimension.YEAR, "2021"));
        for (Labels labels : List.of(ru, uk)) {
            for (Dimension dimension : Dimension.values()) {
                List<String> codes = labels.dimension(dimension).codes().stream().map(DimensionInfo.Code::code).toList();
                assertEquals(LABELS.dimension(dimension).codes().stream().map(DimensionInfo.Code::code).toList(), codes,
                        "the same codes in the same order as English");
                for (DimensionInfo.Code code : labels.dimension(dimension).codes()) {
                    assertNotEquals(LABELS.label(dimension, code.code()), code.label(),
                            labels.language() + " " + dimension.id() + " " + code.code() + " is translated");
                }
            }
        }
    }

    @Test
    void tableTitle_namesTheMeasureAndDimensions_inTheLanguage() {
        List<Dimension> by = List.of(Dimension.SEX, Dimension.YEAR);
        assertEquals("Victims (distinct persons) by sex, year", LABELS.tableTitle(Measure.VICTIMS, by));
        assertEquals("Реєстрації (облікові записи) у розрізі: стать, рік",
                Labels.load(Language.UK).tableTitle(Measure.REGISTRATIONS, by));
        assertEquals("Жертвы (отдельные лица)", Labels.load(Language.RU).tableTitle(Measure.VICTIMS, List.of()));
    }

    @Test
    void countryExtras_areLabelledInEveryCountryDimension() {
        assertEquals("Unknown country", LABELS.label(Dimension.COUNTRY_OF_EXPLOITATION, "XX"));
        assertEquals("Stateless", LABELS.label(Dimension.CITIZENSHIP, "XS"));
    }
}
