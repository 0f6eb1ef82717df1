package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;

/**
 * The tests' oracle: a {@link TableSource} that reads the release's records afresh for every query
 * and counts every cell record by record, the plain definition of a cell. Slow, but what the
 * in-memory index must agree with; both are published by the same {@link TablePublisher}.
 */
public final class ScanningTableSource implements TableSource {

    private final PublishedReleases releases;
    private final TablePublisher publisher;

    public ScanningTableSource(PublishedReleases releases, TablePublisher publisher) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public ProtectedTable table(PublishedRelease release, TableQuery query) {
        List<CaseRecord> records = new ArrayList<>();
        releases.records(release.id(), records::add);
        return publish(publisher, records, query, new CellKeyProtector(release.protection()));
    }

    /** The table {@code publisher} publishes from these records, counted by the scan. */
    public static ProtectedTable publish(TablePublisher publisher, List<CaseRecord> records, TableQuery query,
                                         CellKeyProtector protector) {
        Scan scan = new Scan(records);
        return publisher.publish(scan, CodeListing.of(scan, protector), query, protector);
    }

    /** Counts cells by reading every record for every grid. */
    static final class Scan implements CellCounter {

        private final List<CaseRecord> records;
        /** The records grouped by person, so that a person's cells are remembered only while they are counted. */
        private final Collection<List<CaseRecord>> persons;

        Scan(List<CaseRecord> records) {
            this.records = List.copyOf(records);
            Map<String, List<CaseRecord>> byPerson = new LinkedHashMap<>();
            for (CaseRecord record : this.records) {
                byPerson.computeIfAbsent(record.pseudonym(), p -> new ArrayList<>()).add(record);
            }
            this.persons = byPerson.values();
        }

        @Override
        public List<String> codes(Dimension dimension) {
            Set<String> codes = new TreeSet<>();
            records.forEach(record -> codes.addAll(dimension.codes(record)));
            return List.copyOf(codes);
        }

        /**
         * A record that passes every filter lies in each cell whose codes are among its own (or
         * totals); for victims, a person adds their record key once to each cell that one of their
         * records lies in.
         */
        @Override
        public CellCounts count(GridSpec spec) {
            int[] sizes = spec.axisSizes();
            int cells = CellCounts.size(sizes);
            long[] counts = new long[cells];
            int[] keys = new int[cells];
            CellCounts layout = new CellCounts(sizes, new long[cells], new int[cells]);
            boolean victims = spec.measure() == Measure.VICTIMS;
            Set<Integer> counted = new HashSet<>();
            for (List<CaseRecord> person : persons) {
                for (CaseRecord record : person) {
                    if (!victims) {
                        counted.clear();
                    }
                    if (!passes(record, spec.filters())) {
                        continue;
                    }
                    for (int[] positions : positions(record, spec)) {
                        int cell = layout.cell(positions);
                        if (counted.add(cell)) {
                            counts[cell]++;
                            keys[cell] = (keys[cell] + record.recordKey()) % PTable.KEY_SPACE;
                        }
                    }
                }
                counted.clear();
            }
            return new CellCounts(sizes, counts, keys);
        }

        /** Every combination of the record's axis positions and the totals. */
        private static List<int[]> positions(CaseRecord record, GridSpec spec) {
            List<int[]> result = new ArrayList<>();
            result.add(new int[0]);
            for (int i = 0; i < spec.dimensions().size(); i++) {
                List<String> axis = spec.axes().get(i);
                List<Integer> choices = new ArrayList<>();
                for (String code : spec.dimensions().get(i).codes(record)) {
                    int position = axis.indexOf(code);
                    if (position >= 0) {
                        choices.add(position);
                    }
                }
                choices.add(axis.size());
                List<int[]> next = new ArrayList<>();
                for (int[] prefix : result) {
                    for (int choice : choices) {
                        int[] extended = Arrays.copyOf(prefix, prefix.length + 1);
                        extended[prefix.length] = choice;
                        next.add(extended);
                    }
                }
                result = next;
            }
            return result;
        }

        private static boolean passes(CaseRecord record, Map<Dimension, Set<String>> filters) {
            for (Map.Entry<Dimension, Set<String>> filter : filters.entrySet()) {
                if (filter.getKey().codes(record).stream().noneMatch(filter.getValue()::contains)) {
                    return false;
                }
            }
            return true;
        }
    }
}
