package org.tipx.api.format;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tipx.anonymizer.Dataset;
import org.tipx.anonymizer.Hierarchy;
import org.tipx.api.anonymize.CaseRecordTable;

/**
 * The published form of a release's anonymised microdata: RFC 4180 CSV (comma, {@code \n}
 * line ends, quotes only where needed), a header row, one row per person.
 *
 * <ul>
 *   <li>{@code *} is a suppressed value: the record was suppressed (every quasi-identifier {@code *})
 *       or its column was generalised to the top of its hierarchy.</li>
 *   <li>An empty cell is a value that is not known: not recorded, or recorded as unknown.
 *       {@link CaseRecordTable} writes these as {@value CaseRecordTable#UNKNOWN} or
 *       {@value CaseRecordTable#UNKNOWN_COUNTRY} (and the country hierarchy generalises {@code XX} to
 *       {@value #UNKNOWN_COUNTRY_GROUP}) so that the anonymiser sees a value; they are mapped back here.
 *       Within a column the mapping is one to one (all rows of a column are at one hierarchy level, where
 *       only one of those spellings occurs), so it changes no class; the verifier checks the mapped table
 *       all the same.</li>
 *   <li>Rows are sorted by their cells, so their order says nothing about uploads or agencies.</li>
 * </ul>
 * Stateless; thread-safe.
 */
public final class MicrodataCsv {

    /** The country hierarchy's level-1 parent of {@code XX}, and of nothing else. */
    static final String UNKNOWN_COUNTRY_GROUP = "Unknown";
    private static final Set<String> NOT_KNOWN =
            Set.of(CaseRecordTable.UNKNOWN, CaseRecordTable.UNKNOWN_COUNTRY, UNKNOWN_COUNTRY_GROUP);

    private MicrodataCsv() {
    }

    /**
     * The anonymised {@link CaseRecordTable} as it will be published: values not known emptied, rows
     * sorted. This, not the anonymiser's output, is what the verifier checks.
     */
    public static Dataset published(Dataset output) {
        List<String> columns = output.columns();
        List<String[]> rows = new ArrayList<>(output.size());
        for (int r = 0; r < output.size(); r++) {
            String[] cells = new String[columns.size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = published(output.get(r, c));
            }
            rows.add(cells);
        }
        rows.sort(Arrays::compare);
        return Dataset.of(columns, rows);
    }

    /** The CSV text of a {@link #published} table, rows in its order (the anonymizer's own CSV writer). */
    public static String write(Dataset published) {
        StringWriter out = new StringWriter(64 * (published.size() + 1));
        published.writeCsv(out, ',');
        return out.toString();
    }

    static String published(String cell) {
        if (cell.equals(Hierarchy.SUPPRESSED)) {
            return cell;
        }
        return NOT_KNOWN.contains(cell) ? "" : cell;
    }
}
