package org.tipx.api.release;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;

/**
 * A server that has published nothing yet: no release to list or find. The public statistics API
 * then answers {@code 404} "no release published yet" instead of failing to start. Stateless and
 * thread-safe.
 */
public final class NoPublishedReleases implements PublishedReleases {

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

    @Override
    public Map<String, Map<Integer, Map<String, Set<Integer>>>> reportedQuarters(String releaseId) {
        throw new NoSuchElementException("no release " + releaseId);
    }
}
