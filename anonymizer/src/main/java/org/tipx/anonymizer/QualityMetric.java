package org.tipx.anonymizer;

/**
 * The information-loss metric the search minimises.
 *
 * <ul>
 *   <li>{@link #LOSS}: ARX's default "Loss" model (gsFactor 0.5), after Iyengar (2002), "Transforming data to
 *   satisfy privacy constraints", KDD. Per quasi-identifier i, a record contributes the share of the hierarchy's
 *   leaves its generalised value covers (1 when suppressed); the sum S<sub>i</sub> is normalised as
 *   L<sub>i</sub> = (S<sub>i</sub> − n/|D<sub>i</sub>|) / (n − n/|D<sub>i</sub>|), and the score is
 *   (∏(L<sub>i</sub> + 1))<sup>1/d</sup> − 1, in [0, 1].</li>
 *   <li>{@link #DISCERNIBILITY}: Bayardo and Agrawal (2005): Σ |E|² over the published equivalence classes E,
 *   plus n for every suppressed record.</li>
 * </ul>
 */
public enum QualityMetric {
    LOSS,
    DISCERNIBILITY
}
