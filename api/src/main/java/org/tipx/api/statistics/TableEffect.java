package org.tipx.api.statistics;

/**
 * What publishing did to a set of cells, in aggregate: the only form in which true counts leave
 * {@link TablePublisher}.
 *
 * @param cells          cells, totals included
 * @param withheld       cells withheld (published value below the threshold)
 * @param changed        published cells whose value differs from their true count
 * @param absoluteChange sum of |published − true| over the published cells
 */
public record TableEffect(long cells, long withheld, long changed, long absoluteChange) {

    /** No cell. */
    public static final TableEffect NONE = new TableEffect(0, 0, 0, 0);

    /** Both sets of cells together. */
    public TableEffect plus(TableEffect other) {
        return new TableEffect(cells + other.cells, withheld + other.withheld, changed + other.changed,
                absoluteChange + other.absoluteChange);
    }
}
