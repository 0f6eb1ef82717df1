package org.tipx.api.http;

import org.tipx.api.statistics.TablePublisher;

/**
 * The table limits the server enforces, as published by {@code /v1/config}.
 *
 * @param maxCells         most cells (totals included) in one table
 * @param maxWithheldShare largest share of withheld inner cells before a table is refused
 */
public record StatisticsLimits(int maxCells, double maxWithheldShare) {

    /** The defaults of {@link TablePublisher#withDefaults()}. */
    public static final StatisticsLimits DEFAULTS = new StatisticsLimits(
            TablePublisher.DEFAULT_MAX_CELLS, TablePublisher.DEFAULT_MAX_WITHHELD_SHARE);

    public StatisticsLimits {
        // The publisher validates the same way; building one here fails fast with its messages.
        new TablePublisher(maxCells, maxWithheldShare);
    }

    /** A table publisher enforcing these limits. */
    public TablePublisher publisher() {
        return new TablePublisher(maxCells, maxWithheldShare);
    }
}
