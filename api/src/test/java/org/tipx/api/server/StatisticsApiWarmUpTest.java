package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.release.NoPublishedReleases;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TableSource;

class StatisticsApiWarmUpTest {

    @Test
    void warmLatest_readsTheNewestRelease_once() {
        InMemoryReleases releases = new InMemoryReleases()
                .add(StatisticsFixture.release("old", Instant.parse("2025-12-31T00:00:00Z")), StatisticsFixture.records(1, 50))
                .add(StatisticsFixture.release("new", Instant.parse("2026-06-30T00:00:00Z")), StatisticsFixture.records(2, 50));
        List<String> asked = new ArrayList<>();
        TableSource scanning = new ScanningTableSource(releases, TablePublisher.withDefaults());
        TableSource recording = (release, query) -> {
            asked.add(release.id() + " by " + query.by());
            return scanning.table(release, query);
        };

        assertTrue(StatisticsApi.over(releases).withTables(recording).warmLatest());
        assertEquals(List.of("new by []"), asked);
    }

    @Test
    void warmLatest_withNothingPublished_readsNothing() {
        PublishedReleases none = new NoPublishedReleases();
        TableSource failing = (release, query) -> {
            throw new AssertionError("no table may be asked when nothing is published");
        };
        assertFalse(StatisticsApi.over(none).withTables(failing).warmLatest());
    }
}
