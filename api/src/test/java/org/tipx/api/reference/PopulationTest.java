package org.tipx.api.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationTest {

    private static final Population POPULATION = new Population(List.of(
            new Population.Entry("MD", 2022, 2_500_000),
            new Population.Entry("MD", 2024, 2_400_000)));

    @Test
    void denominator_ofAnObservedYear_isItsOwnValue() {
        Population.Denominator d = POPULATION.denominator("MD", 2024).orElseThrow();
        assertEquals(2_400_000, d.population());
        assertFalse(d.carriedForward());
    }

    @Test
    void denominator_afterTheLastObservedYear_isCarriedForwardForThreeYearsOnly() {
        for (int year = 2025; year <= 2027; year++) {
            Population.Denominator d = POPULATION.denominator("MD", year).orElseThrow();
            assertEquals(2_400_000, d.population());
            assertEquals(2024, d.observedYear());
            assertTrue(d.carriedForward(), "year " + year);
        }
        assertTrue(POPULATION.denominator("MD", 2028).isEmpty(), "beyond the carry-forward span");
        assertTrue(POPULATION.of("MD", 2025).isEmpty(), "of() still answers observed values only");
    }

    @Test
    void denominator_isNeverGuessedInAGapBeforeTheFirstYearOrForAnUnknownCountry() {
        assertTrue(POPULATION.denominator("MD", 2023).isEmpty());
        assertTrue(POPULATION.denominator("MD", 2021).isEmpty());
        assertTrue(POPULATION.denominator("TW", 2024).isEmpty());
    }

    @Test
    void shippedData_coverTheDemoYears_forTheDemoCountries() {
        Population shipped = ReferenceData.load().population();
        for (String iso2 : List.of("UA", "MD", "PL", "DE", "NL")) {
            assertTrue(shipped.denominator(iso2, 2026).orElseThrow().carriedForward(), iso2);
        }
    }
}
