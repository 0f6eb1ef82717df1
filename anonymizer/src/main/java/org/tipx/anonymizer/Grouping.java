package org.tipx.anonymizer;

/**
 * The equivalence classes of one transformation.
 *
 * @param table        distinct (generalised quasi-identifiers, sensitive values) rows with their counts
 * @param sourceIds    for each row of the table it was grouped from, the row of {@code table} it fell into
 * @param classCount   the number of equivalence classes (distinct generalised quasi-identifier combinations)
 * @param classOfRow   for each row of {@code table}, its class
 * @param classSize    records per class
 */
record Grouping(ClassTable table, int[] sourceIds, int classCount, int[] classOfRow, int[] classSize) {
}
