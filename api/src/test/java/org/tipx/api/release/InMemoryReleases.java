package org.tipx.api.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;

/** Published releases held in memory, for tests of the public API without a store. */
public final class InMemoryReleases implements PublishedReleases {

    private final Map<String, PublishedRelease> releases = new LinkedHashMap<>();
    private final Map<String, List<CaseRecord>> records = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<Integer, Set<String>>>> coverage = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<Integer, Map<String, Set<Integer>>>>> quarters = new LinkedHashMap<>();

    /** Adds a release with these records; returns this for chaining. */
    public synchronized InMemoryReleases add(PublishedRelease release, List<CaseRecord> frozen) {
        return add(release, frozen, Map.of());
    }

    /**
     * Adds a release with these records and reporting agencies (country, year, agency ids), each of
     * which reported all four quarters of its years.
     */
    public synchronized InMemoryReleases add(PublishedRelease release, List<CaseRecord> frozen,
                                             Map<String, Map<Integer, Set<String>>> reportingAgencies) {
        Map<String, Map<Integer, Map<String, Set<Integer>>>> full = new TreeMap<>();
        reportingAgencies.forEach((country, years) -> years.forEach((year, agencies) -> agencies.forEach(agency ->
                full.computeIfAbsent(country, c -> new TreeMap<>()).computeIfAbsent(year, y -> new TreeMap<>())
                        .put(agency, Set.of(1, 2, 3, 4)))));
        return addWithQuarters(release, frozen, full);
    }

    /** Adds a release with these records and the quarters each agency reported (country, year, agency id, quarters). */
    public synchronized InMemoryReleases addWithQuarters(PublishedRelease release, List<CaseRecord> frozen,
                                                         Map<String, Map<Integer, Map<String, Set<Integer>>>> reportedQuarters) {
        releases.put(release.id(), release);
        records.put(release.id(), List.copyOf(frozen));
        Map<String, Map<Integer, Set<String>>> agencies = new TreeMap<>();
        reportedQuarters.forEach((country, years) -> years.forEach((year, byAgency) ->
                agencies.computeIfAbsent(country, c -> new TreeMap<>()).put(year, Set.copyOf(byAgency.keySet()))));
        coverage.put(release.id(), Map.copyOf(agencies));
        quarters.put(release.id(), Map.copyOf(reportedQuarters));
        return this;
    }

    @Override
    public synchronized List<PublishedRelease> list() {
        List<PublishedRelease> all = new ArrayList<>(releases.values());
        all.sort(Comparator.comparing(PublishedRelease::created).reversed());
        return List.copyOf(all);
    }

    @Override
    public synchronized Optional<PublishedRelease> find(String idOrLatest) {
        if (LATEST.equals(idOrLatest)) {
            return list().stream().findFirst();
        }
        return Optional.ofNullable(releases.get(idOrLatest));
    }

    @Override
    public void records(String releaseId, Consumer<CaseRecord> consumer) {
        List<CaseRecord> frozen;
        synchronized (this) {
            frozen = records.get(releaseId);
        }
        if (frozen == null) {
            throw new NoSuchElementException("no release " + releaseId);
        }
        frozen.forEach(consumer);
    }

    @Override
    public synchronized Map<String, Map<Integer, Set<String>>> reportingAgencies(String releaseId) {
        Map<String, Map<Integer, Set<String>>> agencies = coverage.get(releaseId);
        if (agencies == null) {
            throw new NoSuchElementException("no release " + releaseId);
        }
        return agencies;
    }

    @Override
    public synchronized Map<String, Map<Integer, Map<String, Set<Integer>>>> reportedQuarters(String releaseId) {
        Map<String, Map<Integer, Map<String, Set<Integer>>>> reported = quarters.get(releaseId);
        if (reported == null) {
            throw new NoSuchElementException("no release " + releaseId);
        }
        return reported;
    }
}
