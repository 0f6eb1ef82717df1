package org.tipx.anonymizer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a search.
 *
 * @param levels                the generalisation level chosen per quasi-identifier, in configuration order
 * @param suppressed            records suppressed ({@code *} in every quasi-identifier)
 * @param classes               equivalence classes among the published (not suppressed) records
 * @param classSizeDistribution class size to the number of classes of that size
 * @param loss                  ARX's Loss of the output, in [0, 1], whatever the metric searched
 * @param score                 the chosen metric's score of the output
 * @param maxRisk               prosecutor re-identification risk as ARX reports it: 1 / smallest class (0 when
 *                              every record is suppressed)
 * @param averageRisk           1 / mean class size over the published records
 * @param nodesChecked          transformations checked (evaluated, or decided by pruning)
 * @param latticeSize           transformations in the lattice (the product of the hierarchies' heights)
 * @param optimal               whether the chosen transformation is proven optimal; false when a budget ran out
 * @param elapsed               time spent searching and building the output
 */
public record AnonymizationReport(Map<String, Integer> levels, long suppressed, long classes,
                                  SortedMap<Integer, Long> classSizeDistribution, double loss, double score,
                                  double maxRisk, double averageRisk, long nodesChecked, long latticeSize,
                                  boolean optimal, Duration elapsed) {
    public AnonymizationReport {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(levels, "levels")));
        classSizeDistribution = Collections.unmodifiableSortedMap(
                new TreeMap<>(Objects.requireNonNull(classSizeDistribution, "classSizeDistribution")));
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
