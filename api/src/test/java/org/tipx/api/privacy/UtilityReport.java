package org.tipx.api.privacy;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.tipx.api.domain.Dimension;

/**
 * What the protection costs the honest user, measured on the latest release against the truth. The
 * "natural" tables: for each country of identification of the world, {@code by=year,d} filtered on it, for
 * each other dimension d.
 *
 * @param tablesAsked         natural tables asked
 * @param tablesAnswered      of those, answered rather than refused
 * @param publishedCells      cells with a published value, in the answered tables
 * @param changedCells        of those, published value different from the true count
 * @param nonEmptyCells       cells with at least one person, in the answered tables
 * @param withheldNonEmpty    of those, withheld
 * @param nonEmptyInner       inner cells (a year and a code, no total) with at least one person, whether the
 *                            answered table shows them as rows or not
 * @param unpublishedInner    of those, without a published value: withheld, or not a row (a code the release
 *                            does not list, counted only in the totals)
 * @param meanBias            mean of (published − true) over the published cells
 * @param suppressedShare     the microdata's suppressed share from the administrator's manifest, when it says
 */
public record UtilityReport(int tablesAsked, int tablesAnswered, long publishedCells, long changedCells, long nonEmptyCells,
                            long withheldNonEmpty, long nonEmptyInner, long unpublishedInner, double meanBias,
                            OptionalDouble suppressedShare) {

    static UtilityReport measure(TipxHttp http, String adminToken, AttackWorld world) {
        String release = world.release2();
        Truth truth = world.truth(release);
        List<String> others = java.util.Arrays.stream(Dimension.values()).map(Dimension::id)
                .filter(d -> !d.equals(KnownTarget.YEAR) && !d.equals(KnownTarget.COUNTRY)).toList();
        int asked = 0;
        int answered = 0;
        long published = 0;
        long changed = 0;
        long nonEmpty = 0;
        long withheld = 0;
        long inner = 0;
        long unpublishedInner = 0;
        long bias = 0;
        for (String country : world.countries()) {
            for (String d : others) {
                Query q = Query.statistics().by(KnownTarget.YEAR, d).filter(KnownTarget.COUNTRY, country).release(release);
                asked++;
                TipxHttp.Reply reply = http.get(q.pathAndQuery(), Optional.empty());
                if (!reply.ok()) {
                    continue;
                }
                answered++;
                Answer table = Answer.parse("json", reply.body());
                Map<List<String>, Long> trueCounts = truth.table(Map.of(KnownTarget.COUNTRY, Set.of(country)),
                        List.of(KnownTarget.YEAR, d), false);
                Map<List<String>, OptionalLong> shown = new HashMap<>();
                table.cells().forEach((codes, value) -> shown.put(List.of(codes.get(KnownTarget.YEAR), codes.get(d)), value));
                for (Map.Entry<List<String>, Long> cell : trueCounts.entrySet()) {
                    if (cell.getValue() > 0 && !cell.getKey().contains("_T")) {
                        inner++;
                        if (shown.getOrDefault(cell.getKey(), OptionalLong.empty()).isEmpty()) {
                            unpublishedInner++;
                        }
                    }
                }
                for (Map.Entry<Map<String, String>, OptionalLong> cell : table.cells().entrySet()) {
                    long t = trueCounts.getOrDefault(List.of(cell.getKey().get(KnownTarget.YEAR), cell.getKey().get(d)), 0L);
                    OptionalLong p = cell.getValue();
                    if (p.isPresent()) {
                        published++;
                        bias += p.getAsLong() - t;
                        if (p.getAsLong() != t) {
                            changed++;
                        }
                    }
                    if (t > 0) {
                        nonEmpty++;
                        if (p.isEmpty()) {
                            withheld++;
                        }
                    }
                }
            }
        }
        OptionalDouble suppressed = OptionalDouble.empty();
        TipxHttp.Reply manifest = http.get("/v1/releases/" + release, Optional.of(adminToken));
        if (manifest.ok()) {
            JsonObject m = AttackWorld.json(manifest.body());
            if (m.containsKey("microdata") && m.getJsonObject("microdata").containsKey("suppressedShare")) {
                suppressed = OptionalDouble.of(m.getJsonObject("microdata").getJsonNumber("suppressedShare").doubleValue());
            }
        }
        return new UtilityReport(asked, answered, published, changed, nonEmpty, withheld, inner, unpublishedInner,
                published == 0 ? Double.NaN : (double) bias / published, suppressed);
    }

    /** The report as a few lines. */
    public String text() {
        return String.format(Locale.ROOT, """
                utility of the latest release (natural tables: by=year,d filtered on each country of identification):
                  tables answered          %d of %d (%.1f %%)
                  published cells changed  %d of %d (%.1f %%)
                  non-empty cells withheld %d of %d (%.1f %%)
                  non-empty inner cells without a published value (withheld or no row) %d of %d (%.1f %%)
                  mean (published - true)  %+.3f over published cells
                  microdata suppressed     %s""",
                tablesAnswered, tablesAsked, 100.0 * tablesAnswered / Math.max(1, tablesAsked),
                changedCells, publishedCells, 100.0 * changedCells / Math.max(1, publishedCells),
                withheldNonEmpty, nonEmptyCells, 100.0 * withheldNonEmpty / Math.max(1, nonEmptyCells),
                unpublishedInner, nonEmptyInner, 100.0 * unpublishedInner / Math.max(1, nonEmptyInner),
                meanBias, suppressedShare.isPresent()
                        ? String.format(Locale.ROOT, "%.4f (admin manifest)", suppressedShare.getAsDouble()) : "not stated");
    }
}
