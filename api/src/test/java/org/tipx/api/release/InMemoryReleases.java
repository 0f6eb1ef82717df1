package org.tipx.api.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;

/** Published releases held in memory, for tests of the public API without a store. */
public final class InMemoryReleases implements PublishedReleases {

    private final Map<String, PublishedRelease> releases = new LinkedHashMap<>();
    private final Map<String, List<CaseRecord>> records = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<Integer, Set<String>>>> coverage = new LinkedHashMap<>();

    /** Adds a release with these records; returns this for chaining. */
    public synchronized InMemoryReleases add(PublishedRelease release, List<CaseRecord> frozen) {
        return add(release, frozen, Map.of());
    }

    /** Adds a release with these records and reporting agencies (country, year, agency ids). */
    public synchronized InMemoryReleases add(PublishedRelease release, List<CaseRecord> frozen,
                                             Map<String, Map<Integer, Set<String>>> reportingAgencies) {
        releases.put(release.id(), release);
        records.put(release.id(), List.copyOf(frozen));
        coverage.put(release.id(), Map.copyOf(reportingAgencies));
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
}
