package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.api.ingest.CaseRecord;
import org.tipx.api.release.PublishedRelease;
import org.tipx.api.release.PublishedReleases;

/**
 * The reference {@link TableSource}: reads the release's records afresh for every query and builds
 * the table with {@link ProtectedTableBuilder}. Slow on large releases, but the definition that
 * faster sources must agree with.
 */
public final class ScanningTableSource implements TableSource {

    private final PublishedReleases releases;
    private final ProtectedTableBuilder builder;

    public ScanningTableSource(PublishedReleases releases, ProtectedTableBuilder builder) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public ProtectedTable table(PublishedRelease release, TableQuery query) {
        List<CaseRecord> records = new ArrayList<>();
        releases.records(release.id(), records::add);
        return builder.build(records, query, new CellKeyProtector(release.protection()));
    }
}
