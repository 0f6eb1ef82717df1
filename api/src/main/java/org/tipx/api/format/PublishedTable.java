package org.tipx.api.format;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.statistics.ProtectedTable;

/**
 * Everything that is published with one table: the protected cells, the release they come from
 * (its id, date and public protection parameters) and whether labels are wanted next to codes.
 *
 * <p>It holds a {@link ProtectedTable}, whose cells carry only published values and flags, so no
 * writer built on it can reach a true count, a cell key or a record key.
 *
 * @param table        the protected table
 * @param release      the release the table was built from
 * @param labels       true to add labels next to the codes (in the writer's language)
 * @param releaseYears the years the release covers (the year codes it lists for the measure), which
 *                     state the period of a table neither broken down nor filtered by year; empty
 *                     when not known, and then such a table states no period
 */
public record PublishedTable(ProtectedTable table, PublishedRelease release, boolean labels, List<String> releaseYears) {

    /** Said once for the whole dataset: perturbed cells are not flagged one by one. */
    public static final String PERTURBATION_NOTE = "Values are perturbed by the cell key method: each count is moved "
            + "by at most D from its true value, without bias and with variance V; counts below the threshold are "
            + "withheld (OBS_STATUS Q, CONF_STATUS A), so the small counts that are published run a little high on "
            + "average. A cell whose rest within one of its dimensions would be withheld is published with the "
            + "value of the cell without that constraint (closure rule), so two answers never differ by a withheld "
            + "group. Perturbed cells are not flagged one by one, and totals are perturbed on their own, so they "
            + "need not equal the sum of their parts.";
    /** Said when the table is broken down or filtered by form of exploitation. */
    public static final String EXPLOITATION_NOTE = "A person with several forms of exploitation counts once in "
            + "each of them, so the forms of exploitation can add up to more than their total.";
    /** Said when the table is broken down or filtered by assistance. */
    public static final String ASSISTANCE_NOTE = "A person who received several forms of assistance counts once in "
            + "each form received, so the forms of assistance can add up to more than their total.";
    /** Said for the measure victims. */
    public static final String VICTIMS_NOTE = "The measure victims counts distinct persons: a person reported by several "
            + "agencies or in several extracts counts once; a person whose records disagree on a dimension "
            + "counts once in each of the values.";
    /** Said for the measure registrations. */
    public static final String REGISTRATIONS_NOTE = "The measure registrations counts case records: a person reported by "
            + "several agencies counts once per record.";

    public PublishedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(release, "release");
        releaseYears = List.copyOf(releaseYears);
    }

    /** A table whose period, when it is not broken down by year, is not stated. */
    public PublishedTable(ProtectedTable table, PublishedRelease release, boolean labels) {
        this(table, release, labels, List.of());
    }

    /**
     * The dimensions the table is not broken down by but that say what it counts, each with the
     * codes its single category stands for, in {@link Dimension}'s order: every filter on a
     * dimension outside {@code by}, and {@code year} with the release's years when the table is
     * neither broken down nor filtered by year (its period). JSON-stat and CSV publish each as a
     * dimension of size one, as Eurostat does with the fixed dimensions of an extraction, so a
     * table taken out of its answer still says whom it counts and when.
     */
    public Map<Dimension, Set<String>> context() {
        Map<Dimension, Set<String>> context = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            if (table.by().contains(dimension)) {
                continue;
            }
            Set<String> filter = table.query().filters().get(dimension);
            if (filter != null) {
                context.put(dimension, filter);
            } else if (dimension == Dimension.YEAR && !releaseYears.isEmpty()) {
                context.put(dimension, Set.copyOf(releaseYears));
            }
        }
        return context;
    }

    /** The notes that go with this table, in a fixed order. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(PERTURBATION_NOTE);
        notes.add(table.measure() == Measure.VICTIMS ? VICTIMS_NOTE : REGISTRATIONS_NOTE);
        if (table.by().contains(Dimension.EXPLOITATION) || table.query().filters().containsKey(Dimension.EXPLOITATION)) {
            notes.add(EXPLOITATION_NOTE);
        }
        if (table.by().contains(Dimension.ASSISTANCE) || table.query().filters().containsKey(Dimension.ASSISTANCE)) {
            notes.add(ASSISTANCE_NOTE);
        }
        return List.copyOf(notes);
    }

    /** The measure's id as in queries, e.g. {@code victims}. */
    public String measureId() {
        return measureId(table.measure());
    }

    /** The id of a measure as in queries, e.g. {@code victims}. */
    public static String measureId(Measure measure) {
        return switch (measure) {
            case VICTIMS -> "victims";
            case REGISTRATIONS -> "registrations";
        };
    }
}
