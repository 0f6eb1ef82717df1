package org.tipx.api.statistics;

import java.util.Objects;

import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;

/**
 * A {@link TableSource} that reads a release's records once, into a compact immutable in-memory
 * index, and answers every later query on that release from the index. Its tables are identical to
 * those of the tests' scanning source, refusals included: the index counts the same cells and
 * {@link TablePublisher} publishes them, the same code for both.
 *
 * <h2>The index</h2>
 * Codes are dictionary-encoded per dimension ({@code char} value ids in column arrays). Records with
 * the same codes in every dimension form one group carrying their number and the sum of their record
 * keys modulo 4096; persons with the same set of distinct code profiles (most persons have one
 * record; a person reported twice with disagreeing codes has two profiles) form one group likewise.
 * Counts and cell keys are sums over disjoint units, so a group adds its members exactly. A query
 * scans the groups of its own dimensions: the first query with a given set of breakdown and filtered
 * dimensions and measure projects the groups onto them, turning persons with several profiles into
 * signed single rows by inclusion–exclusion, and later queries reuse the projection (about one row
 * per distinct profile of those dimensions; see {@code ReleaseIndex} and {@code WeightedGroups}).
 * Projections are kept while the release is, within a budget of the index's own size.
 *
 * <h2>Loading and memory</h2>
 * The first query on a release loads it; concurrent first queries wait for that one load rather
 * than reading the records again. A failed load is not kept: the next query tries again. At most
 * {@code maxReleases} indexes are held, rarely used ones dropped first. The record key must
 * derive from the pseudonym (the same on all records of a person), as the pseudonymiser makes it; a
 * release that breaks this fails to load with an {@link IllegalStateException}.
 *
 * <p>Thread-safe.
 */
public final class IndexedTableSource implements TableSource {

    /** Default number of releases held in memory: the latest and a few pinned older ones. */
    public static final int DEFAULT_MAX_RELEASES = 4;

    private final PublishedReleases releases;
    private final TablePublisher publisher;
    private final BoundedMemo<PublishedRelease, LoadedRelease> loaded;

    /** A source holding at most {@link #DEFAULT_MAX_RELEASES} release indexes. */
    public IndexedTableSource(PublishedReleases releases, TablePublisher publisher) {
        this(releases, publisher, DEFAULT_MAX_RELEASES);
    }

    /** A source holding at most {@code maxReleases} release indexes (rarely used ones dropped first). */
    public IndexedTableSource(PublishedReleases releases, TablePublisher publisher, int maxReleases) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        if (maxReleases < 1) {
            throw new IllegalArgumentException("maxReleases must be positive, was " + maxReleases);
        }
        this.loaded = new BoundedMemo<>(maxReleases, maxReleases, release -> 1);
    }

    @Override
    public ProtectedTable table(PublishedRelease release, TableQuery query) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(query, "query");
        LoadedRelease index = loaded.get(release, this::load);
        return publisher.publish(index.index(), index.listing(), query, index.protector());
    }

    /**
     * Loads {@code release} now unless it is held already, so that its first query does not pay for
     * the load (a server calls it for the latest release at start-up); returns the memory the index
     * holds.
     *
     * @throws java.util.NoSuchElementException if there is no release with this id
     */
    public IndexSize preload(PublishedRelease release) {
        Objects.requireNonNull(release, "release");
        ReleaseIndex index = loaded.get(release, this::load).index();
        return new IndexSize(index.bytes(), index.projectionBytes());
    }

    private LoadedRelease load(PublishedRelease release) {
        ReleaseIndex.Loader loader = new ReleaseIndex.Loader();
        releases.records(release.id(), loader::accept);
        // The protector solves the p-table once per release, not once per query; the listing is the release's.
        ReleaseIndex index = loader.finish();
        CellKeyProtector protector = new CellKeyProtector(release.protection());
        return new LoadedRelease(index, protector, CodeListing.of(index, protector));
    }

    /**
     * The memory a release's index holds. Deliberately no count of persons or records: those are
     * true counts, which never leave the server.
     *
     * @param bytes           bytes of the index's arrays and dictionaries, projections not included
     * @param projectionBytes bytes of the projections made so far (within a budget of {@code bytes})
     */
    public record IndexSize(long bytes, long projectionBytes) {
    }

    private record LoadedRelease(ReleaseIndex index, CellKeyProtector protector, CodeListing listing) {
    }
}
