package org.tipx.api.release;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.tipx.anonymizer.cellkey.PTableParameters;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.format.ManifestJson;
import org.tipx.api.store.Agency;
import org.tipx.api.store.StoredExtract;
import org.tipx.api.store.StoredRelease;
import org.tipx.api.store.TipxStore;

/**
 * The stored releases as the public API sees them. A release's protection is the one its manifest
 * pinned; its records are those of its extracts, in manifest order, which the store never changes.
 * Thread-safe (stateless over a thread-safe store).
 */
public final class ReleaseCatalog implements PublishedReleases {

    private final TipxStore store;

    public ReleaseCatalog(TipxStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<PublishedRelease> list() {
        return store.releases().stream().map(ReleaseCatalog::published).toList();
    }

    @Override
    public Optional<PublishedRelease> find(String idOrLatest) {
        return stored(idOrLatest).map(ReleaseCatalog::published);
    }

    /** The stored release with this id, or the newest for {@link #LATEST}. */
    public Optional<StoredRelease> stored(String idOrLatest) {
        Objects.requireNonNull(idOrLatest, "idOrLatest");
        return LATEST.equals(idOrLatest) ? store.latestRelease() : store.release(idOrLatest);
    }

    @Override
    public void records(String releaseId, Consumer<CaseRecord> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        for (String extractId : require(releaseId).extractIds()) {
            store.records(extractId, consumer);
        }
    }

    @Override
    public Map<String, Map<Integer, Set<String>>> reportingAgencies(String releaseId) {
        SortedMap<String, SortedMap<Integer, Set<String>>> byCountry = new TreeMap<>();
        for (String extractId : require(releaseId).extractIds()) {
            StoredExtract extract = store.extract(extractId)
                    .orElseThrow(() -> new IllegalStateException("a release names a missing extract"));
            String country = store.agency(extract.agency()).map(Agency::country)
                    .orElseThrow(() -> new IllegalStateException("an extract names a missing agency"));
            byCountry.computeIfAbsent(country, c -> new TreeMap<>())
                    .computeIfAbsent(extract.period().year(), y -> new TreeSet<>())
                    .add(extract.agency());
        }
        SortedMap<String, Map<Integer, Set<String>>> result = new TreeMap<>();
        byCountry.forEach((country, years) -> {
            SortedMap<Integer, Set<String>> frozen = new TreeMap<>();
            years.forEach((year, agencies) -> frozen.put(year, Collections.unmodifiableSet(agencies)));
            result.put(country, Collections.unmodifiableSortedMap(frozen));
        });
        return Collections.unmodifiableSortedMap(result);
    }

    @Override
    public Map<String, Map<Integer, Map<String, Set<Integer>>>> reportedQuarters(String releaseId) {
        SortedMap<String, SortedMap<Integer, SortedMap<String, Set<Integer>>>> byCountry = new TreeMap<>();
        for (String extractId : require(releaseId).extractIds()) {
            StoredExtract extract = store.extract(extractId)
                    .orElseThrow(() -> new IllegalStateException("a release names a missing extract"));
            String country = store.agency(extract.agency()).map(Agency::country)
                    .orElseThrow(() -> new IllegalStateException("an extract names a missing agency"));
            byCountry.computeIfAbsent(country, c -> new TreeMap<>())
                    .computeIfAbsent(extract.period().year(), y -> new TreeMap<>())
                    .computeIfAbsent(extract.agency(), a -> new TreeSet<>())
                    .add(extract.period().quarter());
        }
        SortedMap<String, Map<Integer, Map<String, Set<Integer>>>> result = new TreeMap<>();
        byCountry.forEach((country, years) -> {
            SortedMap<Integer, Map<String, Set<Integer>>> frozenYears = new TreeMap<>();
            years.forEach((year, agencies) -> {
                SortedMap<String, Set<Integer>> frozenAgencies = new TreeMap<>();
                agencies.forEach((agency, quarters) -> frozenAgencies.put(agency, Collections.unmodifiableSet(quarters)));
                frozenYears.put(year, Collections.unmodifiableSortedMap(frozenAgencies));
            });
            result.put(country, Collections.unmodifiableSortedMap(frozenYears));
        });
        return Collections.unmodifiableSortedMap(result);
    }

    private StoredRelease require(String releaseId) {
        Objects.requireNonNull(releaseId, "releaseId");
        return store.release(releaseId).orElseThrow(() -> new NoSuchElementException("no release " + releaseId));
    }

    private static PublishedRelease published(StoredRelease release) {
        ReleaseManifest.CellKey cellKey = ManifestJson.read(release.manifest()).cellKey();
        ProtectionParameters protection = new ProtectionParameters(new PTableParameters(cellKey.maxPerturbation(),
                cellKey.variance(), cellKey.smallestPublishedNonZero(), cellKey.pStay()), cellKey.threshold());
        return new PublishedRelease(release.id(), release.created(), protection);
    }
}
