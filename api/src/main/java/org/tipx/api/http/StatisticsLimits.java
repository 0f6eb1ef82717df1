package org.tipx.api.http;

import org.tipx.api.statistics.ProtectedTableBuilder;

/**
 * The table limits the server enforces, as published by {@code /v1/config}.
 *
 * @param maxCells         most cells (totals included) in one table
 * @param maxWithheldShare largest share of withheld inner cells before a table is refused
 */
public record StatisticsLimits(int maxCells, double maxWithheldShare) {

    /** The defaults of {@link ProtectedTableBuilder#withDefaults()}. */
    public static final StatisticsLimits DEFAULTS = new StatisticsLimits(
            ProtectedTableBuilder.DEFAULT_MAX_CELLS, ProtectedTableBuilder.DEFAULT_MAX_WITHHELD_SHARE);

    public StatisticsLimits {
        // The builder validates the same way; building one here fails fast with its messages.
        new ProtectedTableBuilder(maxCells, maxWithheldShare);
    }

    /** A table builder enforcing these limits. */
    public ProtectedTableBuilder builder() {
        return new ProtectedTableBuilder(maxCells, maxWithheldShare);
    }
}
