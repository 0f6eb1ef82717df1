package org.tipx.api.statistics;

/** Why a published figure is missing or must be read with care. */
public enum Flag {
    /** No population figure for the country and year, so no rate can be computed. */
    NO_DENOMINATOR,
    /** The protected count was withheld below the publication threshold. */
    WITHHELD,
    /**
     * The set of reporting agencies differs from the previous year's: a jump in the count may be a
     * jump in reporting, not in trafficking.
     */
    COVERAGE_CHANGED,
    /**
     * An agency reporting for the country in this year has not reported all four quarters: the
     * count covers part of the year and is not comparable with a full year.
     */
    PARTIAL_PERIOD,
    /**
     * The population of a later year than the source covers: the last observed year's value carried
     * forward (see {@code Population#denominator}).
     */
    POPULATION_CARRIED_FORWARD,
    /**
     * The population is a projection (UN World Population Prospects 2024, medium variant) for a year
     * after the observed series ends: another source, so the rate is not strictly comparable with those
     * of observed years (see {@code Population#denominator}).
     */
    POPULATION_PROJECTED
}
