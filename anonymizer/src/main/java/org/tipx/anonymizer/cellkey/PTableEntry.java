package org.tipx.anonymizer.cellkey;

/**
 * One line of a p-table in the layout of the ptable package (columns i, j, p, p_int_lb, p_int_ub):
 * an original count, a published value, its probability and the half-open interval
 * [cumulativeLower, cumulativeUpper) of the row's cumulative distribution that selects it.
 *
 * <p>The last row of a table ({@link PTable#genericRow()}) stands for every larger original count
 * i as well: there the published value is {@code published + (i - original)}.
 *
 * @param original        the original count i (or the generic row)
 * @param published       the published value j
 * @param probability     P(j | i), positive
 * @param cumulativeLower sum of the probabilities of the smaller published values of this row
 * @param cumulativeUpper cumulativeLower + probability; exactly 1 on a row's last entry
 */
public record PTableEntry(int original, int published, double probability,
                          double cumulativeLower, double cumulativeUpper) {
}
