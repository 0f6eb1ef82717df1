package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * Turns the true counts of a release into a published table: the one place where rows are chosen,
 * cells are protected and the query rules on the data are applied. Every table source (the
 * in-memory index, the scanning oracle of the tests) and the release build's measurement go
 * through it.
 *
 * <h2>Rows</h2>
 * A table has a row for every combination of its axes' codes and the total {@link ProtectedTable#TOTAL}.
 * The axis of a filtered dimension is the filter's codes; that of an unfiltered one, the codes the
 * release lists ({@link CodeListing}: those whose one-way cell over the whole release is published).
 * Neither depends on who is in the filtered population, so a row's presence says nothing about it.
 *
 * <h2>Cells and the closure rule</h2>
 * A cell constrains some dimensions: to one code (its row), or to a filter's codes (a total over a
 * filtered dimension, or a filter on a dimension the table does not show). The cell key method
 * publishes the same value for the same set of persons, so two cells that differ only by a
 * constraint that removes nobody are published identically, and two that differ by one person
 * usually are not: comparing them tells whether that person exists (differencing). So a cell whose
 * own protected value is withheld stays withheld, and any other is published as a <em>closed</em>
 * cell: one where, for every constrained dimension, the persons the constraint removes (the
 * <em>complement</em>: the same cell with that dimension unconstrained, minus the cell) form a
 * published cell, and where a constraint to several codes holds only codes whose own cell is
 * published. A cell that is not closed is changed one step at a time, dimensions in a fixed order,
 * until it is: a constraint whose complement is withheld is dropped (the cell is widened by fewer
 * than threshold + D persons), and codes whose own cell is withheld leave a constraint to several
 * codes (narrowed by as few). Hence any two published cells, one constrained more than the other,
 * either are the same closed cell, published with one value, or differ by a published cell (at
 * least threshold − D persons): whether one person exists never shows as a difference. Every
 * decision reads protected values only.
 *
 * <h2>Rules checked on the data</h2>
 * <ul>
 *   <li>{@link QueryRuleException#TOO_MANY_CELLS}: the rows, the product over the {@code by}
 *       dimensions of (axis codes + 1), must not exceed {@code maxCells}; nor may the grid of the
 *       rows and the parts of the filters exceed {@link #MAX_GRID_CELLS}, nor the grids the closure
 *       rule counts for one table {@link #MAX_COUNTED_CELLS} in all.</li>
 *   <li>{@link QueryRuleException#TOO_SPARSE}: a table broken down by at least one dimension it
 *       does not filter is refused when more than {@code maxWithheldShare} of its inner cells (those
 *       without a total) are withheld, decided on the published cells only. A table whose every
 *       breakdown is filtered holds exactly the cells the query names, and is answered.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TablePublisher {

    /** Default most rows in a table. */
    public static final int DEFAULT_MAX_CELLS = 10_000;
    /** Default largest share of withheld inner cells. */
    public static final double DEFAULT_MAX_WITHHELD_SHARE = 0.8;
    /** Most cells counted for one table: its rows times the codes of the filters it does not show. */
    static final int MAX_GRID_CELLS = 1_000_000;
    /**
     * Most cells counted for one table over all its grids: the closure rule counts one grid per set of
     * filters it drops or narrows, and a query whose filters each name several codes, some withheld, can
     * ask for thousands (each 12 bytes a cell: 48 MB at most per table in the making, not gigabytes).
     */
    static final long MAX_COUNTED_CELLS = 4L * MAX_GRID_CELLS;

    private final int maxCells;
    private final double maxWithheldShare;
    private final long maxCountedCells;

    /** A publisher with the given limits; messages quote the bad value. */
    public TablePublisher(int maxCells, double maxWithheldShare) {
        this(maxCells, maxWithheldShare, MAX_COUNTED_CELLS);
    }

    /** A publisher counting at most {@code maxCountedCells} cells for one table (tests use a small budget). */
    TablePublisher(int maxCells, double maxWithheldShare, long maxCountedCells) {
        this.maxCountedCells = maxCountedCells;
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be positive, was " + maxCells);
        }
        if (!(maxWithheldShare >= 0 && maxWithheldShare <= 1)) {
            throw new IllegalArgumentException("maxWithheldShare must be in 0..1, was " + maxWithheldShare);
        }
        this.maxCells = maxCells;
        this.maxWithheldShare = maxWithheldShare;
    }

    /** A publisher with at most 10,000 rows, refusing tables with more than 80 % of inner cells withheld. */
    public static TablePublisher withDefaults() {
        return new TablePublisher(DEFAULT_MAX_CELLS, DEFAULT_MAX_WITHHELD_SHARE);
    }

    /**
     * The published table answering {@code query} on the release that {@code counter} counts.
     *
     * @throws QueryRuleException if the table would have too many cells or be too sparse
     */
    ProtectedTable publish(CellCounter counter, CodeListing listing, TableQuery query, CellKeyProtector protector) {
        return publishing(counter, listing, query, protector).table();
    }

    /**
     * What the release build reads from the release's own tables, published exactly as the API
     * publishes them: the effect of the protection on {@code measuredTables} of victims (no
     * filters; true counts leave only as these aggregates) and the grand totals of both measures.
     */
    public ReleaseFigures releaseFigures(Iterable<CaseRecord> records, List<List<Dimension>> measuredTables,
                                         CellKeyProtector protector) {
        ReleaseIndex.Loader loader = new ReleaseIndex.Loader();
        records.forEach(loader::accept);
        ReleaseIndex index = loader.finish();
        CodeListing listing = CodeListing.of(index, protector);
        TableEffect effect = TableEffect.NONE;
        for (List<Dimension> by : measuredTables) {
            Publishing publishing = publishing(index, listing, new TableQuery(by, Map.of(), Measure.VICTIMS), protector);
            effect = effect.plus(publishing.effect());
        }
        return new ReleaseFigures(effect, grandTotal(index, listing, Measure.VICTIMS, protector),
                grandTotal(index, listing, Measure.REGISTRATIONS, protector));
    }

    private ProtectedCell grandTotal(CellCounter counter, CodeListing listing, Measure measure, CellKeyProtector protector) {
        return publish(counter, listing, TableQuery.of(measure), protector).rows().getFirst().cell();
    }

    /**
     * A release's figures for its manifest.
     *
     * @param effect        the protection's effect on the measured tables
     * @param victims       the published grand total of victims
     * @param registrations the published grand total of registrations
     */
    public record ReleaseFigures(TableEffect effect, ProtectedCell victims, ProtectedCell registrations) {
    }

    private Publishing publishing(CellCounter counter, CodeListing listing, TableQuery query,
                                  CellKeyProtector protector) {
        List<Dimension> shown = query.by();
        List<Dimension> dimensions = new ArrayList<>(shown);
        List<List<String>> axes = new ArrayList<>();
        for (Dimension dimension : shown) {
            Set<String> filter = query.filters().get(dimension);
            axes.add(filter == null ? listing.codes(query.measure(), dimension) : List.copyOf(new TreeSet<>(filter)));
        }
        checkCellCount(GridSpec.axisSizes(axes), maxCells, "");
        // Filters on dimensions the table does not show become hidden axes: the table shows their
        // totals, and the closure rule reads their codes' parts.
        query.filters().forEach((dimension, codes) -> {
            if (!shown.contains(dimension)) {
                dimensions.add(dimension);
                axes.add(List.copyOf(new TreeSet<>(codes)));
            }
        });
        checkCellCount(GridSpec.axisSizes(axes), MAX_GRID_CELLS, ", times the codes of filters on dimensions not shown,");
        return new Publishing(counter, query, dimensions, axes, protector);
    }

    /** Refuses a grid whose axes (codes plus the total) have these sizes when it has more than {@code limit} cells. */
    private static void checkCellCount(int[] axisSizes, int limit, String counted) {
        long cells = 1;
        for (int size : axisSizes) {
            cells *= size;
            if (cells > limit) {
                throw new QueryRuleException(QueryRuleException.TOO_MANY_CELLS, String.format(Locale.ROOT,
                        "the table would have more than %d cells (totals included%s); use fewer dimensions "
                                + "or narrower filters", limit, counted));
            }
        }
    }

    /** Refuses a table broken down by at least one dimension whose inner cells are too often withheld. */
    private void checkSparsity(List<ProtectedTable.Row> rows) {
        long inner = 0;
        long withheld = 0;
        for (ProtectedTable.Row row : rows) {
            if (!row.codes().contains(ProtectedTable.TOTAL)) {
                inner++;
                if (row.cell().value().isEmpty()) {
                    withheld++;
                }
            }
        }
        if (withheld > maxWithheldShare * inner) {
            throw new QueryRuleException(QueryRuleException.TOO_SPARSE, String.format(Locale.ROOT,
                    "more than %.0f %% of the inner cells would be withheld; use fewer dimensions or wider filters",
                    maxWithheldShare * 100));
        }
    }

    /**
     * One table being published: its grid over the shown and hidden dimensions, and the grids with
     * some filters dropped that the closure rule asks for, each counted once.
     */
    private final class Publishing {

        private final CellCounter counter;
        private final TableQuery query;
        private final List<Dimension> dimensions;
        private final List<List<String>> axes;
        private final CellKeyProtector protector;
        private final int[] totals;
        /** Bit i set when dimension i carries a filter. */
        private final int filtered;
        /** Bit i set when the filter on dimension i names one code. */
        private final int singleCode;
        /** The grid most cells are read from; see {@link #base()}. */
        private CellCounts base;
        /** The other grids counted so far, by their filters (the closure rule drops or narrows some). */
        private final Map<Map<Dimension, Set<String>>, CellCounts> grids = new HashMap<>();
        /** Cells of the grids counted so far, within {@link #maxCountedCells}. */
        private long countedCells;
        /** Scratch positions for {@link #value}. */
        private final int[] at;

        Publishing(CellCounter counter, TableQuery query, List<Dimension> dimensions, List<List<String>> axes,
                   CellKeyProtector protector) {
            this.counter = counter;
            this.query = query;
            this.dimensions = dimensions;
            this.axes = axes;
            this.protector = protector;
            this.totals = new int[dimensions.size()];
            int anyFilter = 0;
            int oneCode = 0;
            for (int i = 0; i < totals.length; i++) {
                totals[i] = axes.get(i).size();
                Set<String> filter = query.filters().get(dimensions.get(i));
                if (filter != null) {
                    anyFilter |= 1 << i;
                    oneCode |= filter.size() == 1 ? 1 << i : 0;
                }
            }
            this.filtered = anyFilter;
            this.singleCode = oneCode;
            this.at = new int[totals.length];
        }

        /** The table's rows (hidden dimensions at their totals), each published through the closure rule. */
        ProtectedTable table() {
            int shown = query.by().size();
            int[] positions = hiddenAtTotals();
            List<ProtectedTable.Row> rows = new ArrayList<>();
            String[] codes = new String[shown];
            do {
                for (int i = 0; i < shown; i++) {
                    codes[i] = positions[i] == totals[i] ? ProtectedTable.TOTAL : axes.get(i).get(positions[i]);
                }
                rows.add(new ProtectedTable.Row(List.of(codes), publish(positions)));
            } while (next(positions, shown));
            // A table whose every breakdown is filtered shows the cells its query names one by one: it is answered.
            boolean listsCodes = query.by().stream().anyMatch(d -> !query.filters().containsKey(d));
            if (listsCodes) {
                checkSparsity(rows);
            }
            return new ProtectedTable(query, rows);
        }

        /** Every row's published value against its own true count. */
        TableEffect effect() {
            int shown = query.by().size();
            int[] positions = hiddenAtTotals();
            long cells = 0;
            long withheld = 0;
            long changed = 0;
            long absoluteChange = 0;
            do {
                cells++;
                ProtectedCell cell = publish(positions);
                long trueCount = value(positions, Shape.ASKED).count();
                if (cell.value().isEmpty()) {
                    withheld++;
                } else if (cell.value().getAsLong() != trueCount) {
                    changed++;
                    absoluteChange += Math.abs(cell.value().getAsLong() - trueCount);
                }
            } while (next(positions, shown));
            return new TableEffect(cells, withheld, changed, absoluteChange);
        }

        private int[] hiddenAtTotals() {
            int[] positions = new int[dimensions.size()];
            for (int i = query.by().size(); i < positions.length; i++) {
                positions[i] = totals[i];
            }
            return positions;
        }

        /** Advances the shown positions in row order; false after the last row. */
        private boolean next(int[] positions, int shown) {
            for (int i = shown - 1; i >= 0; i--) {
                if (++positions[i] <= totals[i]) {
                    return true;
                }
                positions[i] = 0;
            }
            return false;
        }

        /**
         * The published form of the cell at {@code positions}: withheld when the cell itself is;
         * else the cell made closed (see the class comment) and protected.
         */
        @SuppressWarnings("ReferenceEquality") // closeOn returns the same Shape when it changes nothing: identity is the fixpoint test
        ProtectedCell publish(int[] positions) {
            Shape shape = Shape.ASKED;
            Cell cell = value(positions, shape);
            if (withheld(cell)) {
                return ProtectedCell.withheld();
            }
            Shape closed = null;
            while (closed != shape) {
                closed = shape;
                for (int i = 0; i < positions.length && shape == closed; i++) {
                    shape = closeOn(i, positions, shape, cell);
                }
                if (shape != closed) {
                    cell = value(positions, shape);
                }
            }
            return protector.protect(cell.count(), cell.key());
        }

        /**
         * The shape after one step of the closure rule on {@code dimension} ({@code cell} is the
         * cell in {@code shape}): widened when the
         * persons its constraint removes form a withheld cell; for a constraint to several codes,
         * narrowed to the codes whose own cell is published. The same shape when it is closed on it.
         */
        private Shape closeOn(int dimension, int[] positions, Shape shape, Cell cell) {
            if (shape.widens(dimension) || !constrained(dimension, positions[dimension])) {
                return shape;
            }
            Cell complement = value(positions, shape.widened() | 1 << dimension, shape.narrowed()).minus(cell);
            if (withheld(complement)) {
                return shape.widen(dimension);
            }
            if (positions[dimension] != totals[dimension]) {
                return shape;
            }
            Set<String> codes = shape.codes(dimension, query.filters().get(dimensions.get(dimension)));
            if (codes.size() < 2) {
                return shape;
            }
            Set<String> published = new TreeSet<>();
            int[] part = positions.clone();
            for (String code : codes) {
                part[dimension] = axes.get(dimension).indexOf(code);
                if (!withheld(value(part, shape))) {
                    published.add(code);
                }
            }
            return published.size() == codes.size() ? shape : shape.narrow(dimension, published);
        }

        private boolean constrained(int dimension, int position) {
            return position != totals[dimension] || (filtered >> dimension & 1) == 1;
        }

        private boolean withheld(Cell cell) {
            return protector.withholds(cell.count(), cell.key());
        }

        /** Count and key of the cell at {@code positions} in this shape. */
        private Cell value(int[] positions, Shape shape) {
            return value(positions, shape.widened(), shape.narrowed());
        }

        /** Count and key of the cell at {@code positions} in the shape (widened, narrowed), built or not. */
        private Cell value(int[] positions, int widened, Map<Integer, Set<String>> narrowed) {
            CellCounts grid = narrowed.isEmpty() && (widened & filtered & ~singleCode) == 0
                    ? base()
                    : grids.computeIfAbsent(filters(widened, narrowed), this::count);
            for (int i = 0; i < at.length; i++) {
                // A filter to one code c is counted as the unfiltered grid's row c: the same persons.
                boolean oneCodeTotal = (singleCode >> i & 1) == 1 && positions[i] == totals[i];
                at[i] = (widened >> i & 1) == 1 ? totals[i] : oneCodeTotal ? 0 : positions[i];
            }
            int cell = grid.cell(at);
            return new Cell(grid.count(cell), grid.key(cell));
        }

        /** The grid of the query's filters but those to one code, which its rows already hold. */
        private CellCounts base() {
            if (base == null) {
                base = count(filters(0, Map.of()));
            }
            return base;
        }

        private CellCounts count(Map<Dimension, Set<String>> filters) {
            GridSpec spec = new GridSpec(dimensions, axes, filters, query.measure());
            // Every grid of a table has the same axes, so the budget is a number of grids; refused before counting.
            countedCells += CellCounts.size(spec.axisSizes());
            if (countedCells > maxCountedCells) {
                throw new QueryRuleException(QueryRuleException.TOO_MANY_CELLS, String.format(Locale.ROOT,
                        "protecting this table would count more than %d cells (one grid for each combination of "
                                + "filters the closure rule drops or narrows); use fewer dimensions or filters "
                                + "naming fewer codes", maxCountedCells));
            }
            return counter.count(spec);
        }

        /**
         * The filters to count this shape with: the query's, but those to one code (read as rows),
         * those the shape widens (dropped) and those it narrows (fewer codes).
         */
        private Map<Dimension, Set<String>> filters(int widened, Map<Integer, Set<String>> narrowed) {
            Map<Dimension, Set<String>> filters = new HashMap<>(query.filters());
            for (int i = 0; i < dimensions.size(); i++) {
                if ((widened >> i & 1) == 1 || (singleCode >> i & 1) == 1) {
                    filters.remove(dimensions.get(i));
                } else if (narrowed.containsKey(i)) {
                    filters.put(dimensions.get(i), narrowed.get(i));
                }
            }
            return filters;
        }
    }

    /** A true count and cell key, inside this class only. */
    private record Cell(long count, int key) {

        /** The cell of the persons of this one that {@code inner} lacks ({@code inner} lies within this one). */
        Cell minus(Cell inner) {
            return new Cell(count - inner.count, Math.floorMod(key - inner.key, PTable.KEY_SPACE));
        }
    }

    /**
     * How the closure rule has changed a cell: the dimensions it left unconstrained (bit i) and
     * the filters it narrowed to fewer codes.
     */
    private record Shape(int widened, Map<Integer, Set<String>> narrowed) {

        /** The cell as asked. */
        static final Shape ASKED = new Shape(0, Map.of());

        boolean widens(int dimension) {
            return (widened >> dimension & 1) == 1;
        }

        Shape widen(int dimension) {
            if (!narrowed.containsKey(dimension)) {
                return new Shape(widened | 1 << dimension, narrowed);
            }
            Map<Integer, Set<String>> rest = new HashMap<>(narrowed);
            rest.remove(dimension);
            return new Shape(widened | 1 << dimension, Map.copyOf(rest));
        }

        Shape narrow(int dimension, Set<String> codes) {
            Map<Integer, Set<String>> more = new HashMap<>(narrowed);
            more.put(dimension, Set.copyOf(codes));
            return new Shape(widened, Map.copyOf(more));
        }

        /** The codes a filtered dimension is constrained to in this shape. */
        Set<String> codes(int dimension, Set<String> filter) {
            return narrowed.getOrDefault(dimension, filter);
        }
    }
}
