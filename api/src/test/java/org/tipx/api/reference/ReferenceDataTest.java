package org.tipx.api.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static final ReferenceData DATA = ReferenceData.load();
    private static final Countries COUNTRIES = DATA.countries();
    private static final Population POPULATION = DATA.population();

    @Test
    void countries_loaded_everyIsoEntryOfTheSource() {
        assertEquals(249, COUNTRIES.all().size());
        assertEquals(COUNTRIES.all().size(), COUNTRIES.all().stream().map(Country::iso3).distinct().count());
    }

    @Test
    void areas_loaded_worldFiveRegionsAndTheirSubregions() {
        assertEquals(30, COUNTRIES.areas().size());
        assertEquals(Set.of("Africa", "Americas", "Asia", "Europe", "Oceania"),
                COUNTRIES.regions().stream().map(M49Area::name).collect(Collectors.toSet()));
        assertEquals(17, COUNTRIES.subregions().size());
        assertEquals("World", COUNTRIES.area("001").orElseThrow().name());
    }

    @Test
    void namibia_alpha2NA_isAKnownCountryNotAMissingValue() {
        assertTrue(COUNTRIES.isKnown("NA"));
        Country namibia = COUNTRIES.byIso2("NA").orElseThrow();
        assertEquals("NAM", namibia.iso3());
        assertEquals("516", namibia.m49());
        assertEquals("Sub-Saharan Africa", namibia.subregionName());
    }

    @Test
    void ukraine_isInEasternEuropeInEurope() {
        Country ukraine = COUNTRIES.byIso2("UA").orElseThrow();
        assertEquals("Ukraine", ukraine.name());
        assertEquals("804", ukraine.m49());
        assertEquals("150", ukraine.regionM49());
        assertEquals("Europe", ukraine.regionName());
        assertEquals("151", ukraine.subregionM49());
        assertEquals("Eastern Europe", ukraine.subregionName());
        assertTrue(COUNTRIES.in("151").contains(ukraine));
    }

    @Test
    void byIso2_lowerCase_findsCountry_butIsKnownIsExact() {
        assertEquals("DEU", COUNTRIES.byIso2("de").orElseThrow().iso3());
        assertFalse(COUNTRIES.isKnown("de"));
        assertEquals("DE", COUNTRIES.byIso3("deu").orElseThrow().iso2());
    }

    @Test
    void kosovoAndPseudoCodes_areNotIsoCountries() {
        assertFalse(COUNTRIES.isKnown("XK"));
        assertFalse(COUNTRIES.isKnown("XX"));
        assertFalse(COUNTRIES.isKnown("XS"));
        assertTrue(COUNTRIES.byIso2("XK").isEmpty());
    }

    @Test
    void m49Codes_areZeroPaddedToThreeDigits() {
        assertEquals("010", COUNTRIES.byIso2("AQ").orElseThrow().m49());
        assertEquals("020", COUNTRIES.byIso2("AD").orElseThrow().m49());
        assertEquals("002", COUNTRIES.byIso2("NA").orElseThrow().regionM49());
    }

    @Test
    void namesWithCommas_areReadWhole() {
        assertEquals("China, Hong Kong Special Administrative Region", COUNTRIES.byIso2("HK").orElseThrow().name());
        assertEquals("Côte d’Ivoire", COUNTRIES.byIso2("CI").orElseThrow().name());
    }

    @Test
    void everyCountryExceptAntarctica_hasARegionAndSubregionThatExistInTheAreas() {
        for (Country c : COUNTRIES.all()) {
            if (c.iso2().equals("AQ")) {
                assertTrue(c.regionM49().isEmpty());
                continue;
            }
            M49Area region = COUNTRIES.area(c.regionM49()).orElseThrow(() -> new AssertionError("region of " + c.iso2()));
            M49Area subregion = COUNTRIES.area(c.subregionM49()).orElseThrow(() -> new AssertionError("sub-region of " + c.iso2()));
            assertEquals(M49Area.REGION, region.level());
            assertEquals(c.regionName(), region.name());
            assertEquals(M49Area.SUBREGION, subregion.level());
            assertEquals(c.subregionName(), subregion.name());
            assertEquals(region.m49(), subregion.parentM49(), c.iso2());
        }
    }

    @Test
    void areaHierarchy_everyParentExistsOneLevelUp() {
        List<String> levels = List.of(M49Area.WORLD, M49Area.REGION, M49Area.SUBREGION, M49Area.INTERMEDIATE);
        for (M49Area area : COUNTRIES.areas()) {
            if (area.level().equals(M49Area.WORLD)) {
                continue;
            }
            M49Area parent = COUNTRIES.area(area.parentM49()).orElseThrow();
            assertEquals(levels.indexOf(area.level()) - 1, levels.indexOf(parent.level()), area.m49());
        }
        assertEquals(Set.of("151", "154", "155", "039"),
                COUNTRIES.children("150").stream().map(M49Area::m49).collect(Collectors.toSet()));
    }

    @Test
    void population_coversWorldBankCountries_2000to2024_withoutAggregates() {
        assertEquals(215, POPULATION.countryCount());
        assertEquals(215 * 25, POPULATION.size());
        assertFalse(POPULATION.covers("XK"));
        assertFalse(POPULATION.covers("TW"));
        assertTrue(POPULATION.of("DE", 1999).isEmpty());
    }

    @Test
    void population_ofKnownCountries_isWithinSaneBounds() {
        assertBetween(POPULATION.of("UA", 2020), 35_000_000, 46_000_000);
        assertBetween(POPULATION.of("DE", 2020), 80_000_000, 86_000_000);
        assertBetween(POPULATION.of("MD", 2020), 2_000_000, 4_000_000);
        assertBetween(POPULATION.of("NA", 2022), 2_000_000, 3_500_000);
        assertBetween(POPULATION.of("CN", 2024), 1_300_000_000, 1_500_000_000);
    }

    @Test
    void latestYear_isTheLastYearOfTheSource_andEmptyForUncoveredCountries() {
        assertEquals(2024, POPULATION.latestYear("PL").orElseThrow());
        assertTrue(POPULATION.latestYear("VA").isEmpty());
        assertEquals(POPULATION.of("PL", 2024), POPULATION.latestAtOrBefore("PL", 2030));
        assertTrue(POPULATION.latestAtOrBefore("PL", 1990).isEmpty());
    }

    private static void assertBetween(OptionalLong value, long low, long high) {
        assertTrue(value.isPresent(), "value missing");
        long v = value.getAsLong();
        assertTrue(v >= low && v <= high, v + " not in [" + low + ", " + high + "]");
    }
}
