package org.tipx.api.statistics;

import java.util.Arrays;
import java.util.Optional;

import org.tipx.api.domain.Measure;

/**
 * What a comparison across countries measures: a protected count of a {@link Measure}, and whether
 * its trend is the trend of the rate per 100,000 population (SDG indicator 16.2.2) or of the count.
 * Every indicator reports counts, populations and rates per year; only the trend differs.
 */
public enum Indicator {
    /** SDG 16.2.2: distinct victims per 100,000 population; the trend is the rate's. */
    VICTIMS_PER_100K("victims_per_100k", Measure.VICTIMS, true),
    /** Distinct victims; the trend is the count's. */
    VICTIMS("victims", Measure.VICTIMS, false),
    /** Registrations (a person reported by two agencies counts twice) per 100,000 population. */
    REGISTRATIONS_PER_100K("registrations_per_100k", Measure.REGISTRATIONS, true),
    /** Registrations; the trend is the count's. */
    REGISTRATIONS("registrations", Measure.REGISTRATIONS, false);

    private final String id;
    private final Measure measure;
    private final boolean perPopulation;

    Indicator(String id, Measure measure, boolean perPopulation) {
        this.id = id;
        this.measure = measure;
        this.perPopulation = perPopulation;
    }

    /** The id used in queries. */
    public String id() {
        return id;
    }

    /** What the protected counts count. */
    public Measure measure() {
        return measure;
    }

    /** True when the trend is of the rate per population (a log-population offset), not of the count. */
    public boolean perPopulation() {
        return perPopulation;
    }

    /** The indicator with this id, if any. */
    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
