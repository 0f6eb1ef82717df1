package org.tipx.api.privacy;

import java.util.List;
import java.util.OptionalLong;

/** The filter subsets the differencing attacks build their cells from, and how a pair of cells is read. */
final class Pairs {

    /**
     * Subsets of a target's attributes, each with the country of identification: within it the target's
     * citizenship is the target's alone, so excluding that citizenship excludes exactly the target.
     */
    static final List<List<String>> WITH_COUNTRY = List.of(
            List.of(KnownTarget.COUNTRY),
            List.of(KnownTarget.COUNTRY, KnownTarget.YEAR),
            List.of(KnownTarget.COUNTRY, "sex"),
            List.of(KnownTarget.COUNTRY, "exploitation"),
            List.of(KnownTarget.COUNTRY, "assistance"),
            List.of(KnownTarget.COUNTRY, "age_band"),
            List.of(KnownTarget.COUNTRY, "status"),
            List.of(KnownTarget.COUNTRY, "identified_by"),
            List.of(KnownTarget.COUNTRY, KnownTarget.YEAR, "sex"),
            List.of(KnownTarget.COUNTRY, "country_of_exploitation"),
            List.of(KnownTarget.COUNTRY, "minor_at_exploitation"));

    /** What one pair of published cells says. */
    enum Reading { DIFFER, SAME, SILENT }

    private Pairs() {
    }

    /** Two cells differ, agree, or say nothing (either withheld or not answered). */
    static Reading read(OptionalLong wide, OptionalLong narrow) {
        if (wide.isEmpty() || narrow.isEmpty()) {
            return Reading.SILENT;
        }
        return wide.getAsLong() == narrow.getAsLong() ? Reading.SAME : Reading.DIFFER;
    }

    /** The cell of these filters without the target's citizenship: every other code of the dimension listed. */
    static Query withoutTarget(Attacker attacker, KnownTarget target, Query cell) {
        return cell.filter(KnownTarget.CITIZENSHIP, attacker.allCodesExcept(KnownTarget.CITIZENSHIP, target.citizenship()));
    }
}
