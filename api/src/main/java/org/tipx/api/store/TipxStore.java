package org.tipx.api.store;

import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;

/**
 * The one repository of tipx: agencies, extracts and their records, releases, the audit log. One JDBC
 * implementation on PostgreSQL, embedded (run by tipx) or a server of its own. Thread-safe.
 */
public interface TipxStore extends AutoCloseable {

    // --- agencies ---

    /** Registers an agency with the hash of its first token; false when the id is taken. */
    boolean createAgency(Agency agency, String tokenHash);

    Optional<Agency> agency(String id);

    List<Agency> agencies();

    /** The agency whose active token has this hash. */
    Optional<Agency> agencyByTokenHash(String tokenHash);

    /** Replaces the agency's token hash (rotation); false when the agency does not exist. */
    boolean rotateToken(String agencyId, String newTokenHash);

    /** Revokes the agency's token; false when the agency does not exist. */
    boolean revokeToken(String agencyId);

    // --- extracts ---

    /** The extract that is current for (agency, period), if any. */
    Optional<StoredExtract> currentExtract(String agencyId, Period period);

    Optional<StoredExtract> extract(String id);

    /** The agency's extracts, newest first, current and replaced. */
    List<StoredExtract> extracts(String agencyId);

    /**
     * Opens a write of a new extract. Records added to it are invisible until {@link ExtractWrite#commit};
     * closing without a commit leaves nothing behind. The write speaks for the agency's token as it is now:
     * once that token is rotated or revoked, the commit is refused.
     *
     * @throws TokenWithdrawnException when the agency's token is revoked
     */
    ExtractWrite beginExtract(String agencyId, Period period, String mediaType);

    /** Streams the records of one extract, in upload order. */
    void records(String extractId, Consumer<CaseRecord> consumer);

    /** Every current extract of every agency, ordered by agency id, then period. */
    List<StoredExtract> currentExtracts();

    // --- releases ---

    /**
     * Writes a release, its extract list and its microdata in one transaction: all of it or nothing.
     * False, with nothing written, when the id is taken (another release claimed it first).
     *
     * @throws IllegalArgumentException if an extract it names does not exist
     */
    boolean createRelease(NewRelease release);

    /** How many releases have ids of the given UTC day ({@code YYYY-MM-DD.N}). */
    int releasesOn(LocalDate day);

    /** Every release, newest first. */
    List<StoredRelease> releases();

    Optional<StoredRelease> release(String id);

    /** The newest release, if there is one. */
    Optional<StoredRelease> latestRelease();

    /**
     * Copies the release's microdata to {@code out} (left open); false, writing nothing, when there is
     * no such release.
     *
     * @throws java.io.UncheckedIOException if {@code out} fails
     */
    boolean writeMicrodata(String releaseId, Writer out);

    // --- release jobs ---

    /**
     * Queues a release job, unless one is queued or running (in this process or any other sharing the
     * store): then nothing is written and the answer is empty.
     *
     * @param requestedBy who asked: {@code admin}, {@code cli}, {@code demo}
     */
    Optional<ReleaseJob> queueReleaseJob(String requestedBy);

    /** The job queued or running, if any. */
    Optional<ReleaseJob> activeReleaseJob();

    Optional<ReleaseJob> releaseJob(String id);

    /** Queued → running; false when the job is not queued (abandoned meanwhile). */
    boolean startReleaseJob(String id);

    /** Running → succeeded with the release it made; false when the job is not running. */
    boolean succeedReleaseJob(String id, String releaseId);

    /** Queued or running → failed; false when the job is not under way. */
    boolean failReleaseJob(String id, ReleaseJob.Problem problem);

    /** Queued or running → abandoned; false when the job is not under way. */
    boolean abandonReleaseJob(String id);

    /** Every job under way → abandoned, for a server starting after a stop that interrupted one; how many. */
    int abandonReleaseJobs();

    // --- operations ---

    void audit(AuditEvent event);

    List<AuditEvent> auditLog(int limit);

    /** True when the store answers a trivial query (readiness). */
    boolean ping();

    /**
     * Writes a backup of every table to {@code target}, a file that must not exist yet: consistent while
     * uploads and releases go on (one snapshot), complete under that name or absent. No secret is in it.
     */
    BackupSummary backup(Path target);

    /**
     * Restores a backup into this store, which must be empty and at the backup's schema version; all or
     * nothing. A damaged backup, another schema or a store with rows is refused with a
     * {@link RestoreRefusedException} and nothing written.
     */
    BackupSummary restore(Path backup);

    @Override
    void close();

    /** A write in progress: all-or-nothing. Not thread-safe; one uploader owns it. */
    interface ExtractWrite extends AutoCloseable {
        void add(CaseRecord record);

        /**
         * Makes the extract visible and current for its (agency, period), replacing the previous current
         * one; atomic against concurrent uploads for the same (agency, period).
         *
         * @throws TokenWithdrawnException when the agency's token was rotated or revoked since the write
         *                                 began (nothing stored); a rotation or revocation that comes during
         *                                 the commit waits for it
         */
        StoredExtract commit(String sha256);

        /** Rolls back unless committed. */
        @Override
        void close();
    }
}
