package org.tipx.api.server;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.statistics.ComparisonFixture;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TableSource;
import org.tipx.api.statistics.TablePublisher;

/**
 * A server publishing {@link ComparisonFixture}'s releases, counted by the scanning oracle, for the tests of
 * one class: started before its first test, closed after its last.
 */
abstract class ComparisonFixtureServer {

    @TempDir
    static Path dir;
    static RunningTipx server;
    static InMemoryReleases releases;
    static TableSource tables;

    @BeforeAll
    static void start() {
        releases = ComparisonFixture.releases();
        tables = new ScanningTableSource(releases, TablePublisher.withDefaults());
        server = RunningTipx.publishing(dir, releases, tables);
    }

    @AfterAll
    static void stop() {
        server.close();
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        server = null;
        releases = null;
        tables = null;
    }
}
