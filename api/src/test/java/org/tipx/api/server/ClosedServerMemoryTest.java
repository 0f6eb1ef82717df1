package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.statistics.ComparisonFixture;
import org.tipx.api.statistics.IndexedTableSource;
import org.tipx.api.statistics.TablePublisher;

/**
 * A closed server lets go of the release data it served, although Helidon 4.3.0 keeps every stopped
 * {@code WebServer} reachable from its idle-timeout timer (see {@code DetachableStatistics}).
 */
class ClosedServerMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aClosedServerKeepsNoReleaseDataReachable() throws Exception {
        WeakReference<InMemoryReleases> data = serveOnceAndClose();
        for (int attempt = 0; attempt < 50 && data.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(data.get(), "the releases of a closed server are still reachable");
    }

    /** In its own frame, so that no local variable of the test keeps the releases. */
    private WeakReference<InMemoryReleases> serveOnceAndClose() throws Exception {
        InMemoryReleases releases = ComparisonFixture.releases();
        try (RunningTipx server = RunningTipx.publishing(dir, releases,
                new IndexedTableSource(releases, TablePublisher.withDefaults()))) {
            assertEquals(200, server.send(server.request("/v1/statistics?by=year")).statusCode());
        }
        return new WeakReference<>(releases);
    }
}
