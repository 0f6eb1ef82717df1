package org.tipx.api.statistics;

import java.util.List;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * Counts the cells of one release: the only thing that differs between the fast in-memory index
 * ({@link ReleaseIndex}) and the scanning definition used as the tests' oracle. Protection, row
 * sets and query rules are applied on top, in one place ({@link TablePublisher}).
 */
interface CellCounter {

    /** The codes that occur in the release in this dimension, in ascending order. */
    List<String> codes(Dimension dimension);

    /**
     * The true count and cell key of every cell of {@code spec}. A cell's record (or person) set
     * depends only on its codes and the filters; its key is the sum of their record keys modulo
     * 4096, once per person for {@link Measure#VICTIMS}.
     */
    CellCounts count(GridSpec spec);
}
