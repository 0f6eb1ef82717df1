package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HierarchyTest {

    @Test
    void fromCsv_arxFormat_generalisesEveryLevel() {
        Hierarchy hierarchy = Hierarchy.fromCsv(new StringReader("25;25-29;20-39;*\n31;30-34;20-39;*\n"), ';');

        assertEquals(4, hierarchy.height());
        assertEquals(2, hierarchy.leafCount());
        assertEquals(Optional.of("25-29"), hierarchy.generalise("25", 1));
        assertEquals(Optional.of("20-39"), hierarchy.generalise("31", 2));
        assertEquals(Optional.of("*"), hierarchy.generalise("31", 3));
        assertEquals(Optional.empty(), hierarchy.generalise("40", 1));
    }

    @Test
    void fromCsv_adultHierarchies_load() {
        for (String column : AdultFixture.QUASI_IDENTIFIERS) {
            Hierarchy hierarchy = Hierarchy.fromCsv(
                    AdultFixture.directory().resolve("adult_hierarchy_" + column + ".csv"), ';');
            assertTrue(hierarchy.height() >= 2, column);
        }
    }

    @Test
    void fromCsv_raggedRow_namesTheRow() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Hierarchy.fromCsv(new StringReader("a;x;*\nb;x\n"), ';'));
        assertTrue(e.getMessage().contains("row 2 has 2 levels"), e.getMessage());
    }

    @Test
    void fromCsv_duplicateLeaf_namesBothRows() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Hierarchy.fromCsv(new StringReader("a;x;*\nb;x;*\na;y;*\n"), ';'));
        assertTrue(e.getMessage().contains("'a' appears in rows 1 and 3"), e.getMessage());
    }

    @Test
    void fromCsv_starLeaf_isRefused() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Hierarchy.fromCsv(new StringReader("*;*\n"), ';'));
        assertTrue(e.getMessage().contains("reserved for suppressed records"), e.getMessage());
    }

    @Test
    void fromCsv_labelWithTwoParents_isInconsistent() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Hierarchy.fromCsv(new StringReader("a;x;p\nb;x;q\n"), ';'));
        assertTrue(e.getMessage().contains("inconsistent hierarchy: 'x' at level 1"), e.getMessage());
    }

    @Test
    void fromCsv_empty_isRefused() {
        assertThrows(AnonymizationException.class, () -> Hierarchy.fromCsv(new StringReader(""), ';'));
    }

    @Test
    void fromCsv_unclosedQuote_namesTheLine() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Hierarchy.fromCsv(new StringReader("a;*\n\"b;*\n"), ';'));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void intervals_widths_nestAndEndInStar() {
        Hierarchy age = Hierarchy.intervals(0, 99, 5, 10, 20);

        assertEquals(5, age.height());
        assertEquals(100, age.leafCount());
        assertEquals(Optional.of("35-39"), age.generalise("37", 1));
        assertEquals(Optional.of("30-39"), age.generalise("37", 2));
        assertEquals(Optional.of("20-39"), age.generalise("37", 3));
        assertEquals(Optional.of("*"), age.generalise("37", 4));
    }

    @Test
    void intervals_widthNotAMultiple_isRefused() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Hierarchy.intervals(0, 99, 5, 7));
        assertTrue(e.getMessage().contains("[5, 7]"), e.getMessage());
    }

    @Test
    void intervalsWithEdges_explicitBands() {
        Hierarchy age = Hierarchy.intervalsWithEdges(0, 120,
                List.of(List.of(0, 12, 18, 25, 35, 50, 65), List.of(0, 18, 65)));

        assertEquals(Optional.of("12-17"), age.generalise("15", 1));
        assertEquals(Optional.of("0-17"), age.generalise("15", 2));
        assertEquals(Optional.of("65-120"), age.generalise("90", 1));
        assertEquals(Optional.of("*"), age.generalise("90", 3));
    }

    @Test
    void intervalsWithEdges_bandsThatDoNotNest_areRefused() {
        assertThrows(AnonymizationException.class,
                () -> Hierarchy.intervalsWithEdges(0, 99, List.of(List.of(0, 20), List.of(0, 30))));
    }

    @Test
    void fromParents_countriesToRegions_addsStar() {
        Hierarchy countries = Hierarchy.fromParents(List.of("FR", "DE", "NG"),
                List.of(Map.of("FR", "Western Europe", "DE", "Western Europe", "NG", "Western Africa"),
                        Map.of("Western Europe", "Europe", "Western Africa", "Africa")));

        assertEquals(4, countries.height());
        assertEquals(Optional.of("Western Africa"), countries.generalise("NG", 1));
        assertEquals(Optional.of("Europe"), countries.generalise("DE", 2));
        assertEquals(Optional.of("*"), countries.generalise("DE", 3));
    }

    @Test
    void fromParents_missingParent_isRefused() {
        AnonymizationException e = assertThrows(AnonymizationException.class,
                () -> Hierarchy.fromParents(List.of("FR", "XX"), List.of(Map.of("FR", "Europe"))));
        assertTrue(e.getMessage().contains("'XX' at level 0 has no parent"), e.getMessage());
    }

    @Test
    void generalise_levelOutOfRange_isRefused() {
        Hierarchy hierarchy = Hierarchy.intervals(0, 9, 5);
        assertThrows(AnonymizationException.class, () -> hierarchy.generalise("1", 3));
    }
}
