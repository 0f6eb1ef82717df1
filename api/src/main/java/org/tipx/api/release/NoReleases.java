package org.tipx.api.release;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.tipx.api.ingest.CaseRecord;

/** No release published yet: every public statistic answers 404 until one is. Stateless and thread-safe. */
public final class NoReleases implements PublishedReleases {

    @Override
    public List<PublishedRelease> list() {
        return List.of();
    }

    @Override
    public Optional<PublishedRelease> find(String idOrLatest) {
        return Optional.empty();
    }

    @Override
    public void records(String releaseId, Consumer<CaseRecord> consumer) {
        throw new NoSuchElementException("no release " + releaseId);
    }

    @Override
    public Map<String, Map<Integer, Set<String>>> reportingAgencies(String releaseId) {
        throw new NoSuchElementException("no release " + releaseId);
    }
}
