package org.tipx.api.sdmx;

import java.util.List;
import java.util.Objects;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.PublishedRelease;

/**
 * The answer to a data query: series of {@code TIPX:DF_THB}, each cell taken as it is from a protected
 * table of {@link org.tipx.api.statistics.TableSource} (no value is computed here).
 *
 * @param release the release the cells come from
 * @param query   the query answered (its detail and observation dimension tell the writers what to write)
 * @param series  the series, in the order of the tables' rows; none is empty unless the query's detail
 *                leaves observations out
 */
public record SdmxDataSet(PublishedRelease release, DataQuery query, List<Series> series) {

    public SdmxDataSet {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(query, "query");
        series = List.copyOf(series);
    }

    /**
     * One series.
     *
     * @param key          the SDMX codes of the series dimensions, in key order ({@link ThbStructure#KEY})
     * @param observations by registration year, ascending
     */
    public record Series(List<String> key, List<Observation> observations) {
        public Series {
            key = List.copyOf(key);
            observations = List.copyOf(observations);
        }
    }

    /**
     * One observation.
     *
     * @param timePeriod the registration year, {@code YYYY}
     * @param cell       the published value, or the withheld flags ({@code OBS_STATUS} / {@code CONF_STATUS})
     */
    public record Observation(String timePeriod, ProtectedCell cell) {
        public Observation {
            Objects.requireNonNull(timePeriod, "timePeriod");
            Objects.requireNonNull(cell, "cell");
        }
    }
}
