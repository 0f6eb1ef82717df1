package org.tipx.api.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipx.api.reference.ReferenceCsv;
import org.tipx.api.reference.ReferenceDataException;

/**
 * The public aggregate shares that drive the generator, from {@code datasets/synthetic/profile.csv}
 * (derived from UNODC GLOTIP by derive_profile.py; see its PROVENANCE.md). Immutable.
 */
final class SyntheticProfile {

    static final String RESOURCE = "org/tipx/datasets/synthetic/profile.csv";
    private static final List<String> HEADER = List.of("measure", "scope", "group", "category", "share");

    private record Key(String measure, String scope, String group) {
    }

    private final Map<Key, Weighted<String>> distributions;

    private SyntheticProfile(Map<Key, Weighted<String>> distributions) {
        this.distributions = Map.copyOf(distributions);
    }

    static SyntheticProfile load() {
        record Share(Key key, String category, double share) {
        }
        List<Share> shares = ReferenceCsv.readResource(RESOURCE, HEADER, row -> new Share(
                new Key(row.get("measure"), row.get("scope"), row.get("group")),
                row.get("category"), Double.parseDouble(row.get("share"))));
        Map<Key, Map<String, Double>> grouped = new LinkedHashMap<>();
        for (Share s : shares) {
            grouped.computeIfAbsent(s.key(), k -> new LinkedHashMap<>()).put(s.category(), s.share());
        }
        Map<Key, Weighted<String>> distributions = new LinkedHashMap<>();
        grouped.forEach((key, weights) -> distributions.put(key, Weighted.of(weights)));
        return new SyntheticProfile(distributions);
    }

    /** Sex and age group of detected victims, e.g. {@code female:adult}, in an M49 area. */
    Weighted<String> sexAge(String areaM49) {
        return get(new Key("sex_age", areaM49, ""));
    }

    /** Form of exploitation ({@code sexual}, {@code forced_labour}, {@code other}) for a sex:age group. */
    Weighted<String> exploitation(String areaM49, String sexAgeGroup) {
        return get(new Key("exploitation", areaM49, sexAgeGroup));
    }

    /** Citizenship (ISO alpha-2, XX, XS) of victims detected in {@code iso2}. */
    Weighted<String> citizenship(String iso2) {
        return get(new Key("citizenship", iso2, ""));
    }

    private Weighted<String> get(Key key) {
        Weighted<String> d = distributions.get(key);
        if (d == null) {
            throw new ReferenceDataException(RESOURCE + " has no shares for " + key);
        }
        return d;
    }
}
