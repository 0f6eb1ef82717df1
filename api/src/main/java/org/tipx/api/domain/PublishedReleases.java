package org.tipx.api.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;


/** The releases the public API can answer from. Thread-safe. */
public interface PublishedReleases {

    /** The id that names the newest release. */
    String LATEST = "latest";

    /** Every published release, newest first. */
    List<PublishedRelease> list();

    /** The release with this id, or the newest one for {@link #LATEST}. */
    Optional<PublishedRelease> find(String idOrLatest);

    /**
     * Streams the frozen records of a release, always in the same order.
     *
     * @throws java.util.NoSuchElementException if there is no release with this id
     */
    void records(String releaseId, Consumer<CaseRecord> consumer);

    /**
     * Which agencies the release holds extracts from: per country (the agencies' ISO 3166-1
     * alpha-2 code), per year (of the extracts' periods), the agency ids. A change in this set
     * between two years is a change in coverage, not in trafficking.
     *
     * @throws java.util.NoSuchElementException if there is no release with this id
     */
    Map<String, Map<Integer, Set<String>>> reportingAgencies(String releaseId);

    /**
     * Which quarters each agency reported: per country, per year, per agency id, the quarters (1–4)
     * of its extracts' periods. A year is complete for a country when every agency reporting in it
     * reported all four.
     *
     * @throws java.util.NoSuchElementException if there is no release with this id
     */
    Map<String, Map<Integer, Map<String, Set<Integer>>>> reportedQuarters(String releaseId);
}
