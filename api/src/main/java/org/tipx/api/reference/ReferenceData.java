package org.tipx.api.reference;

import java.util.List;

/**
 * The reference tables shipped in the jar (built by datasets/tools/build_reference.py): countries,
 * UN M49 areas and population. Load once at start-up and share; immutable and thread-safe.
 *
 * @param countries  ISO 3166-1 countries with their M49 geography
 * @param population World Bank total population by country and year, and the UN World Population
 *                   Prospects 2024 projections for the years after it
 */
public record ReferenceData(Countries countries, Population population) {

    static final String ROOT = "org/tipx/datasets/";
    static final String COUNTRIES = ROOT + "geo/countries.csv";
    static final String AREAS = ROOT + "geo/m49-areas.csv";
    static final String POPULATION = ROOT + "population/population.csv";
    static final String POPULATION_PROJECTED = ROOT + "population/wpp2024-projections.csv";

    private static final List<String> COUNTRY_HEADER = List.of("iso2", "iso3", "m49", "name", "region_m49",
            "region_name", "subregion_m49", "subregion_name", "intermediate_region_m49", "intermediate_region_name");
    private static final List<String> AREA_HEADER = List.of("m49", "name", "level", "parent_m49");
    private static final List<String> POPULATION_HEADER = List.of("iso2", "year", "population");

    /**
     * Reads the tables from the classpath.
     *
     * @throws ReferenceDataException if a table is missing or malformed, or a population row names an unknown country
     */
    public static ReferenceData load() {
        List<Country> countries = ReferenceCsv.readResource(COUNTRIES, COUNTRY_HEADER, row -> new Country(
                row.get("iso2"), row.get("iso3"), row.get("m49"), row.get("name"),
                row.get("region_m49"), row.get("region_name"), row.get("subregion_m49"), row.get("subregion_name")));
        List<M49Area> areas = ReferenceCsv.readResource(AREAS, AREA_HEADER, row -> new M49Area(
                row.get("m49"), row.get("name"), row.get("level"), row.get("parent_m49")));
        Countries countryTable = new Countries(countries, areas);
        return new ReferenceData(countryTable, new Population(
                populationEntries(POPULATION, countryTable), populationEntries(POPULATION_PROJECTED, countryTable)));
    }

    private static List<Population.Entry> populationEntries(String resource, Countries countryTable) {
        List<Population.Entry> entries = ReferenceCsv.readResource(resource, POPULATION_HEADER, row -> new Population.Entry(
                row.get("iso2"), Integer.parseInt(row.get("year")), Long.parseLong(row.get("population"))));
        for (Population.Entry entry : entries) {
            if (!countryTable.isKnown(entry.iso2())) {
                throw new ReferenceDataException(resource + ": unknown country " + entry.iso2());
            }
        }
        return entries;
    }
}
