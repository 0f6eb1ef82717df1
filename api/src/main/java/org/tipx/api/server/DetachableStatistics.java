package org.tipx.api.server;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.statistics.TableSource;

/**
 * The statistics sources a {@link Tipx} serves from, reached through one reference that {@link #detach()}
 * clears when the server closes.
 *
 * <p>Why: Helidon 4.3.0 gives every {@code WebServer} a timer whose idle-connection task is never cancelled,
 * so a stopped server's listener, routing and services stay reachable from the timer's thread for the rest
 * of the JVM (helidon-io/helidon#11939, fixed in later lines, not in the 4.3.0 this project builds on). With
 * the sources behind this indirection, a closed server keeps only its small routing objects, not the
 * release data and table indexes behind them (in the test suite, dozens of servers' worth).
 */
final class DetachableStatistics {

    private record Sources(PublishedReleases releases, TableSource tables) {
    }

    private final AtomicReference<Sources> sources;
    private final PublishedReleases releases = new Releases();
    private final TableSource tables = (release, query) -> sources().tables().table(release, query);

    DetachableStatistics(PublishedReleases releases, TableSource tables) {
        this.sources = new AtomicReference<>(new Sources(Objects.requireNonNull(releases, "releases"),
                Objects.requireNonNull(tables, "tables")));
    }

    PublishedReleases releases() {
        return releases;
    }

    TableSource tables() {
        return tables;
    }

    /** Drops the sources; a request still in flight afterwards fails as on a closed store. */
    void detach() {
        sources.set(null);
    }

    private Sources sources() {
        Sources current = sources.get();
        if (current == null) {
            throw new IllegalStateException("the server is closed");
        }
        return current;
    }

    private final class Releases implements PublishedReleases {
        @Override
        public List<PublishedRelease> list() {
            return sources().releases().list();
        }

        @Override
        public Optional<PublishedRelease> find(String idOrLatest) {
            return sources().releases().find(idOrLatest);
        }

        @Override
        public void records(String releaseId, Consumer<CaseRecord> consumer) {
            sources().releases().records(releaseId, consumer);
        }

        @Override
        public Map<String, Map<Integer, Set<String>>> reportingAgencies(String releaseId) {
            return sources().releases().reportingAgencies(releaseId);
        }

        @Override
        public Map<String, Map<Integer, Map<String, Set<Integer>>>> reportedQuarters(String releaseId) {
            return sources().releases().reportedQuarters(releaseId);
        }
    }
}
