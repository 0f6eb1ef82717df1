package org.tipx.api.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
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
            assertEquals(2024, d.valueYear());
            assertTrue(d.carriedForward(), "year " + year);
            assertFalse(d.projected(), "year " + year);
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

    private static final Population WITH_PROJECTIONS = new Population(
            List.of(new Population.Entry("MD", 2022, 2_500_000),
                    new Population.Entry("MD", 2024, 2_400_000),
                    new Population.Entry("PL", 2024, 36_500_000)),
            List.of(new Population.Entry("MD", 2023, 9_999_999),
                    new Population.Entry("MD", 2024, 9_999_999),
                    new Population.Entry("MD", 2025, 2_380_000),
                    new Population.Entry("MD", 2026, 2_360_000),
                    new Population.Entry("TW", 2025, 23_000_000)));

    @Test
    void denominator_afterTheLastObservedYear_isTheProjectionWhenThereIsOne_flaggedProjected() {
        Population.Denominator d2025 = WITH_PROJECTIONS.denominator("MD", 2025).orElseThrow();
        assertEquals(2_380_000, d2025.population());
        assertTrue(d2025.projected());
        assertFalse(d2025.carriedForward());
        assertEquals(Population.Basis.PROJECTED, d2025.basis());
        assertEquals(2_360_000, WITH_PROJECTIONS.denominator("MD", 2026).orElseThrow().population());
        // Past the projection, the last observed year is carried forward as before (2027 is 3 years on).
        Population.Denominator d2027 = WITH_PROJECTIONS.denominator("MD", 2027).orElseThrow();
        assertEquals(2_400_000, d2027.population());
        assertTrue(d2027.carriedForward());
        assertTrue(WITH_PROJECTIONS.denominator("MD", 2028).isEmpty());
        assertTrue(WITH_PROJECTIONS.of("MD", 2025).isEmpty(), "of() answers observed values only");
    }

    @Test
    void anObservedValueWinsOverAProjection_andAProjectionNeverFillsAGap() {
        Population.Denominator d2024 = WITH_PROJECTIONS.denominator("MD", 2024).orElseThrow();
        assertEquals(2_400_000, d2024.population());
        assertEquals(Population.Basis.OBSERVED, d2024.basis());
        assertTrue(WITH_PROJECTIONS.denominator("MD", 2023).isEmpty(), "2023 is a gap inside the observed series");
    }

    @Test
    void aCountryWithoutProjection_isStillCarriedForward() {
        for (int year = 2025; year <= 2027; year++) {
            Population.Denominator d = WITH_PROJECTIONS.denominator("PL", year).orElseThrow();
            assertEquals(36_500_000, d.population());
            assertTrue(d.carriedForward(), "year " + year);
            assertFalse(d.projected(), "year " + year);
        }
        assertTrue(WITH_PROJECTIONS.denominator("PL", 2028).isEmpty());
    }

    @Test
    void aCountryWithoutObservedValues_usesItsProjectionOnly() {
        assertTrue(WITH_PROJECTIONS.denominator("TW", 2025).orElseThrow().projected());
        assertTrue(WITH_PROJECTIONS.denominator("TW", 2024).isEmpty());
        assertTrue(WITH_PROJECTIONS.denominator("TW", 2026).isEmpty());
    }

    @Test
    void shippedData_projectTheDemoYears_forTheDemoCountries_fromWpp2024() {
        Population shipped = ReferenceData.load().population();
        for (String iso2 : List.of("UA", "MD", "PL", "DE", "NL", "BY", "RO")) {
            assertEquals(OptionalInt.of(2024), shipped.latestYear(iso2), iso2);
            for (int year = 2025; year <= 2030; year++) {
                assertTrue(shipped.denominator(iso2, year).orElseThrow().projected(), iso2 + " " + year);
            }
        }
        // WPP 2024 medium variant, Ukraine 2025: 39,681.570 thousand.
        assertEquals(39_681_570, shipped.denominator("UA", 2025).orElseThrow().population());
        assertEquals(235 * 6, shipped.projectedSize());
    }
}
