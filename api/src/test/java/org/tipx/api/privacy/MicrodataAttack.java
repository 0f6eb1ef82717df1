package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.tipx.anonymizer.Hierarchy;
import org.tipx.api.anonymize.CaseRecordHierarchies;

/**
 * The k-anonymised microdata of the latest release.
 *
 * <ul>
 *   <li><b>microdata</b> (anonymous {@code GET /v1/releases/{id}/microdata}): if it is served, the cells of
 *   {@code /v1/statistics} over the dimensions the file carries ungeneralised (every value a code of the
 *   dimension, empty or {@code *}: status and identified_by today) — the grand total, each such dimension,
 *   each pair — whose published value differs from the true count (perturbed, or withheld with at least one
 *   person) but whose count in the microdata equals the true count: the file undoes the protection of those
 *   cells. Counted as leaks; bound 0. The truth is the suite's (persons linked as the server links them).</li>
 *   <li><b>microdata-registered-classes</b> (a registered user's token): equivalence classes over every column
 *   an attacker may know (the quasi-identifiers plus status and identified_by) with fewer than k rows; bound 0.</li>
 *   <li><b>microdata-registered</b>: membership through the registered user's files. A row fits a target when
 *   each of its cells is the target's value, a generalisation of it (the published hierarchies) or {@code *}.
 *   Guess rule: <b>present iff more rows fit the target in release 2's file than in release 1's</b> (a row that
 *   could be the target appeared; others who look alike make the false positives). The note adds the rule on
 *   one file, present iff 1 to k−1 rows fit (a class smaller than k that fits the target; k or more is
 *   ambiguous).</li>
 * </ul>
 */
final class MicrodataAttack implements Attack {

    /** Microdata columns and the statistics dimension each one is. */
    private static final Map<String, String> DIMENSION_OF_COLUMN = Map.of(
            "registration_year", "year", "sex", "sex", "citizenship", "citizenship",
            "country_of_identification", "country_of_identification", "country_of_exploitation", "country_of_exploitation",
            "status", "status", "identified_by", "identified_by");
    /** Each microdata column and the target attribute it generalises (the hierarchy, when the column has one). */
    private static final Map<String, String> TARGET_VALUE_OF_COLUMN = Map.of(
            "registration_year", "year", "age", "age", "sex", "sex", "citizenship", "citizenship",
            "country_of_identification", "country_of_identification", "country_of_exploitation", "country_of_exploitation",
            "exploitation", "exploitation", "status", "status", "identified_by", "identified_by");

    @Override
    public List<AttackResult> run(Context c) {
        List<AttackResult> results = new ArrayList<>();
        results.add(anonymous(c));
        c.registered().ifPresent(registered -> results.addAll(registered(c, registered)));
        return results;
    }

    private static String path(Context c) {
        return "/v1/releases/" + c.world().release2() + "/microdata";
    }

    private static AttackResult anonymous(Context c) {
        Attacker attacker = c.outsider();
        Attacker.Session session = attacker.releaseSession();
        TipxHttp.Reply reply = session.get(Query.of(path(c))).orElseThrow();
        if (!reply.ok()) {
            return AttackResult.count("microdata", AttackResult.Metric.LEAKS, 0, 0, session.queries(),
                    "anonymous microdata answered " + reply.status() + ": nothing to recompute");
        }
        List<List<String>> rows = Csv.parse(reply.body());
        List<String> header = rows.getFirst();
        List<List<String>> data = rows.subList(1, rows.size());
        List<String> carried = new ArrayList<>();
        for (int col = 0; col < header.size(); col++) {
            String dimension = DIMENSION_OF_COLUMN.get(header.get(col));
            if (dimension != null && ungeneralised(attacker, dimension, data, col)) {
                carried.add(dimension);
            }
        }
        List<List<String>> tables = new ArrayList<>();
        tables.add(List.of());
        carried.forEach(d -> tables.add(List.of(d)));
        for (int i = 0; i < carried.size(); i++) {
            for (int j = i + 1; j < carried.size(); j++) {
                tables.add(List.of(carried.get(i), carried.get(j)));
            }
        }
        Truth truth = c.world().truth(c.world().release2());
        MicrodataCounts counts = new MicrodataCounts(header, data);
        int checked = 0;
        int protectedCells = 0;
        int leaks = 0;
        for (List<String> by : tables) {
            Query q = Query.statistics().release(c.world().release2());
            if (!by.isEmpty()) {
                q = q.by(by.toArray(String[]::new));
            }
            Answer table = session.table(q);
            if (!table.answered()) {
                continue;
            }
            Map<List<String>, Long> trueCounts = truth.table(Map.of(), by, false);
            for (Map.Entry<Map<String, String>, OptionalLong> cell : table.cells().entrySet()) {
                checked++;
                List<String> key = by.stream().map(cell.getKey()::get).toList();
                long trueCount = trueCounts.getOrDefault(key, 0L);
                OptionalLong published = cell.getValue();
                boolean protects = published.isPresent() ? published.getAsLong() != trueCount : trueCount > 0;
                if (!protects) {
                    continue;
                }
                protectedCells++;
                if (counts.count(cell.getKey()) == trueCount) {
                    leaks++;
                }
            }
        }
        return AttackResult.count("microdata", AttackResult.Metric.LEAKS, leaks, 0, session.queries(),
                "anonymous microdata served (" + data.size() + " rows); ungeneralised " + carried + "; of " + checked
                        + " cells, " + protectedCells + " perturbed or withheld, " + leaks + " recomputed exactly");
    }

    private static boolean ungeneralised(Attacker attacker, String dimension, List<List<String>> rows, int col) {
        Set<String> codes = Set.copyOf(attacker.codes(dimension));
        boolean anyCode = false;
        for (List<String> row : rows) {
            String v = row.get(col);
            boolean code = dimension.equals("year") ? v.matches("[0-9]{4}") : codes.contains(v);
            if (!code && !v.isEmpty() && !v.equals(Hierarchy.SUPPRESSED)) {
                return false;
            }
            anyCode |= code;
        }
        return anyCode; // a column of nothing but * is generalised to its top
    }

    /** Counts of microdata rows in a statistics cell (empty cells are {@code unknown}; {@code *} matches no code). */
    private record MicrodataCounts(List<String> header, List<List<String>> rows) {
        long count(Map<String, String> cellCodes) {
            Map<Integer, String> wanted = new HashMap<>();
            for (Map.Entry<String, String> e : cellCodes.entrySet()) {
                if (e.getValue().equals(Answer.TOTAL)) {
                    continue;
                }
                String column = DIMENSION_OF_COLUMN.entrySet().stream().filter(d -> d.getValue().equals(e.getKey()))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                wanted.put(header.indexOf(column), e.getValue().equals("unknown") ? "" : e.getValue());
            }
            return rows.stream().filter(r -> wanted.entrySet().stream().allMatch(w -> r.get(w.getKey()).equals(w.getValue())))
                    .count();
        }
    }

    private static List<AttackResult> registered(Context c, Attacker registered) {
        Attacker.Session session = registered.releaseSession();
        TipxHttp.Reply reply = session.get(Query.of(path(c))).orElseThrow();
        int k = registered.k();
        if (!reply.ok()) {
            String note = "registered user's microdata answered " + reply.status();
            return List.of(AttackResult.count("microdata-registered-classes", AttackResult.Metric.LEAKS, 0, 0, 1, note),
                    Guesses.make(c.targets(), 1, t -> new Guesses.Guess(false, 1))
                            .score("microdata-registered", c.world().membership(), c.bound(), note + ": every target guessed absent"));
        }
        List<List<String>> rows = Csv.parse(reply.body());
        List<String> header = rows.getFirst();
        Map<List<String>, Integer> classes = classes(rows);
        int smallest = classes.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        long small = classes.values().stream().filter(size -> size < k).count();
        long rowsInSmall = classes.values().stream().filter(size -> size < k).mapToLong(Integer::longValue).sum();
        AttackResult classResult = AttackResult.count("microdata-registered-classes", AttackResult.Metric.LEAKS, small, 0, 1,
                String.format(java.util.Locale.ROOT, "classes over all %d columns: %d, smallest %d, %d below k=%d holding %d rows",
                        header.size(), classes.size(), smallest, small, k, rowsInSmall));

        CaseRecordHierarchies hierarchies = CaseRecordHierarchies.load();
        Optional<Map<List<String>, Integer>> before = session.get(Query.of("/v1/releases/" + c.world().release1() + "/microdata"))
                .filter(TipxHttp.Reply::ok).map(r -> classes(Csv.parse(r.body())));
        Map<Integer, Boolean> smallClass = new java.util.concurrent.ConcurrentHashMap<>();
        Guesses grew = Guesses.make(c.targets(), c.threads(), target -> {
            long now = compatible(header, classes, target, hierarchies);
            smallClass.put(target.id(), now >= 1 && now < k);
            long earlier = before.map(b -> compatible(header, b, target, hierarchies)).orElse(now);
            return new Guesses.Guess(now > earlier, 2);
        });
        AttackResult single = Guesses.of(smallClass, 1).score("", c.world().membership(), c.bound(), "");
        AttackResult membership = grew.score("microdata-registered", c.world().membership(), c.bound(),
                String.format(java.util.Locale.ROOT, "present iff more rows fit the target in release 2's file than in "
                        + "release 1's; rule '1..k-1 rows fit' on one file: accuracy %.3f fpr %.3f",
                        single.value(), single.falsePositiveRate()));
        return List.of(classResult, membership);
    }

    private static Map<List<String>, Integer> classes(List<List<String>> rowsWithHeader) {
        Map<List<String>, Integer> classes = new LinkedHashMap<>();
        rowsWithHeader.subList(1, rowsWithHeader.size()).forEach(r -> classes.merge(r, 1, Integer::sum));
        return classes;
    }

    /** The rows that could be the target: each cell the target's value, a generalisation of it, or {@code *}. */
    private static long compatible(List<String> header, Map<List<String>, Integer> classes, KnownTarget target,
                                   CaseRecordHierarchies hierarchies) {
        long compatible = 0;
        for (Map.Entry<List<String>, Integer> cls : classes.entrySet()) {
            if (compatible(header, cls.getKey(), target, hierarchies)) {
                compatible += cls.getValue();
            }
        }
        return compatible;
    }

    private static boolean compatible(List<String> header, List<String> row, KnownTarget target,
                                      CaseRecordHierarchies hierarchies) {
        for (int col = 0; col < header.size(); col++) {
            String attribute = TARGET_VALUE_OF_COLUMN.get(header.get(col));
            String cell = row.get(col);
            if (attribute == null || cell.equals(Hierarchy.SUPPRESSED)) {
                continue;
            }
            String value = target.code(attribute);
            if (cell.equals(value)) {
                continue;
            }
            Optional<Hierarchy> hierarchy = hierarchies.of(header.get(col));
            boolean generalises = false;
            if (hierarchy.isPresent()) {
                for (int level = 1; level < hierarchy.get().height() && !generalises; level++) {
                    generalises = hierarchy.get().generalise(value, level).map(cell::equals).orElse(false);
                }
            }
            if (!generalises) {
                return false;
            }
        }
        return true;
    }
}
