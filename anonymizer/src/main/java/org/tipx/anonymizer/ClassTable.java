package org.tipx.anonymizer;

/**
 * Records grouped at one transformation: each row is one distinct combination of generalised quasi-identifier
 * values and sensitive values, stored as a representative tuple of <em>leaf</em> codes (any member's), with the
 * number of records it stands for. Because a row's members share its generalised values, the table can be
 * regrouped at any more general transformation from its representatives alone (roll-up), which is much cheaper
 * than going back to the records.
 *
 * @param levels the transformation (one level per quasi-identifier)
 * @param rows   the number of rows
 * @param columns the representatives' leaf codes, one array per column (column-major, so that keys are built
 *                one sequential pass per column): the quasi-identifiers, then the sensitive columns
 * @param counts  records per row
 */
record ClassTable(int[] levels, int rows, int[][] columns, int[] counts) {

    /** Whether this table can be regrouped at {@code target}, that is, target generalises every level. */
    boolean generalisesTo(int[] target) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] > target[i]) {
                return false;
            }
        }
        return true;
    }
}
