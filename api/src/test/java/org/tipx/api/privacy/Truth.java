package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;

/**
 * The true counts of one release, known to the suite (never to the attacker) because it generated every
 * record: the records as the server's ingestion reads them (the same validator and linkage rule, under a
 * secret of the suite's own: the pseudonyms differ from the server's, the partition into persons is the
 * same), grouped into persons by pseudonym.
 *
 * <p>Cells follow {@code docs/cell-key-method.md}: a record that passes every filter (one of its codes
 * listed in each) lies in each cell whose codes are all among its own, {@code _T} standing for any code;
 * a person lies in a cell when one of their records does, and counts once there. Immutable.
 */
final class Truth {

    static final String TOTAL = "_T";

    private final List<List<CaseRecord>> persons;
    private final int records;

    private Truth(List<List<CaseRecord>> persons, int records) {
        this.persons = persons;
        this.records = records;
    }

    static Truth of(List<CaseRecord> records) {
        Map<String, List<CaseRecord>> byPseudonym = new LinkedHashMap<>();
        for (CaseRecord record : records) {
            byPseudonym.computeIfAbsent(record.pseudonym(), p -> new ArrayList<>()).add(record);
        }
        List<List<CaseRecord>> persons = byPseudonym.values().stream().map(List::copyOf).toList();
        return new Truth(persons, records.size());
    }

    int victims() {
        return persons.size();
    }

    int registrations() {
        return records;
    }

    /** The persons, each as their records. */
    List<List<CaseRecord>> persons() {
        return persons;
    }

    /** The true number of victims in the single cell selected by {@code filters}. */
    long victims(Map<String, Set<String>> filters) {
        return table(filters, List.of(), false).getOrDefault(List.of(), 0L);
    }

    /**
     * The true counts of the table {@code by} under {@code filters}: code lists in {@code by} order
     * ({@code _T} for a total) to counts; cells with no one are absent (count 0).
     *
     * @param registrations count records instead of persons
     */
    Map<List<String>, Long> table(Map<String, Set<String>> filters, List<String> by, boolean registrations) {
        List<Map.Entry<Dimension, Set<String>>> filterDimensions = new ArrayList<>();
        filters.forEach((id, codes) -> filterDimensions.add(Map.entry(dimension(id), codes)));
        List<Dimension> byDimensions = by.stream().map(Truth::dimension).toList();
        Map<List<String>, Long> counts = new HashMap<>();
        for (List<CaseRecord> person : persons) {
            Set<List<String>> cellsOfPerson = new HashSet<>();
            for (CaseRecord record : person) {
                if (!passes(record, filterDimensions)) {
                    continue;
                }
                Set<List<String>> cellsOfRecord = cells(record, byDimensions, filters);
                if (registrations) {
                    cellsOfRecord.forEach(cell -> counts.merge(cell, 1L, Long::sum));
                } else {
                    cellsOfPerson.addAll(cellsOfRecord);
                }
            }
            cellsOfPerson.forEach(cell -> counts.merge(cell, 1L, Long::sum));
        }
        return counts;
    }

    private static boolean passes(CaseRecord record, List<Map.Entry<Dimension, Set<String>>> filters) {
        for (Map.Entry<Dimension, Set<String>> filter : filters) {
            if (filter.getKey().codes(record).stream().noneMatch(filter.getValue()::contains)) {
                return false;
            }
        }
        return true;
    }

    /** Every cell of the table that the record lies in: per dimension one of its (allowed) codes or the total. */
    private static Set<List<String>> cells(CaseRecord record, List<Dimension> by, Map<String, Set<String>> filters) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of());
        for (Dimension d : by) {
            Set<String> allowed = filters.get(d.id());
            List<String> options = new ArrayList<>();
            for (String code : d.codes(record)) {
                if (allowed == null || allowed.contains(code)) {
                    options.add(code);
                }
            }
            options.add(TOTAL);
            List<List<String>> extended = new ArrayList<>(cells.size() * options.size());
            for (List<String> cell : cells) {
                for (String option : options) {
                    List<String> longer = new ArrayList<>(cell);
                    longer.add(option);
                    extended.add(List.copyOf(longer));
                }
            }
            cells = extended;
        }
        return new HashSet<>(cells);
    }

    static Dimension dimension(String id) {
        return Dimension.byId(id).orElseThrow(() -> new IllegalArgumentException("no dimension " + id));
    }
}
