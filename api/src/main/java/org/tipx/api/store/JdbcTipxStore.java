package org.tipx.api.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;

/**
 * {@link TipxStore} over JDBC, on PostgreSQL with the schema of {@code db/migration}. Each call
 * borrows a pooled connection; an {@link ExtractWrite} keeps one for its whole transaction, so records
 * stay invisible until its commit and vanish with a rollback.
 *
 * <p>Timestamps are kept to the microsecond (PostgreSQL's precision): instants given to the store are
 * truncated, and what it returns is what it will read back. Thread-safe.
 */
final class JdbcTipxStore implements TipxStore {

    /** Rows fetched per round trip when streaming records. */
    static final int FETCH_SIZE = 1000;

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(JdbcTipxStore.class.getName());

    private static final String SELECT_AGENCIES = "SELECT a.id, a.name, a.country, a.type, a.created,"
            + " t.token_hash IS NOT NULL FROM agency a JOIN agency_token t ON t.agency_id = a.id";
    private static final String EXTRACT_COLUMNS = "id, agency_id, period_year, period_quarter, row_count, "
            + "linked_row_count, media_type, sha256, uploaded, current_flag, replaces";
    private static final String JOB_COLUMNS = "id, state, requested_by, queued, started, finished, release_id,"
            + " problem, detail";
    /** The detail column's width; a verifier's list of findings could be longer. */
    private static final int JOB_DETAIL_LENGTH = 1000;

    /** One unit of work on a borrowed connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final ConnectionPool pool;
    private final Clock clock;
    private final ExtractIds extractIds;
    private final StoreAvailability availability;
    private final AutoCloseable server;

    /** @param server closed after the pool: the embedded PostgreSQL that the store runs, or nothing */
    JdbcTipxStore(ConnectionPool pool, Clock clock, ExtractIds extractIds, StoreAvailability availability,
                  AutoCloseable server) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.extractIds = Objects.requireNonNull(extractIds, "extractIds");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.server = Objects.requireNonNull(server, "server");
    }

    // --- agencies ---

    @Override
    public boolean createAgency(Agency agency, String tokenHash) {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(tokenHash, "tokenHash");
        if (!agency.tokenActive()) {
            throw new IllegalArgumentException("a new agency starts with an active token");
        }
        return withConnection("creating an agency", c -> {
            c.setAutoCommit(false);
            try (PreparedStatement insertAgency = c.prepareStatement(
                    "INSERT INTO agency (id, name, country, type, created) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement insertToken = c.prepareStatement(
                            "INSERT INTO agency_token (agency_id, token_hash) VALUES (?, ?)")) {
                insertAgency.setString(1, agency.id());
                insertAgency.setString(2, agency.name());
                insertAgency.setString(3, agency.country());
                insertAgency.setString(4, agency.type());
                insertAgency.setObject(5, timestamp(agency.created()));
                insertAgency.executeUpdate();
                insertToken.setString(1, agency.id());
                insertToken.setString(2, tokenHash);
                insertToken.executeUpdate();
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (StoreFailures.UNIQUE_VIOLATION.equals(e.getSQLState()) && agencyExists(c, agency.id())) {
                    return false;
                }
                throw e; // a token hash already in use is a caller's bug, not a taken id
            }
        });
    }

    private static boolean agencyExists(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM agency WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<Agency> agency(String id) {
        Objects.requireNonNull(id, "id");
        return withConnection("reading an agency",
                c -> queryAgencies(c, SELECT_AGENCIES + " WHERE a.id = ?", id)
                        .stream().findFirst());
    }

    @Override
    public List<Agency> agencies() {
        return withConnection("listing agencies",
                c -> queryAgencies(c, SELECT_AGENCIES + " ORDER BY a.id"));
    }

    @Override
    public Optional<Agency> agencyByTokenHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return withConnection("looking up a token",
                c -> queryAgencies(c, SELECT_AGENCIES + " WHERE t.token_hash = ?", tokenHash)
                        .stream().findFirst());
    }

    private static List<Agency> queryAgencies(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                List<Agency> agencies = new ArrayList<>();
                while (rs.next()) {
                    agencies.add(new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), rs.getBoolean(6)));
                }
                return agencies;
            }
        }
    }

    @Override
    public boolean rotateToken(String agencyId, String newTokenHash) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(newTokenHash, "newTokenHash");
        return setTokenHash("rotating a token", agencyId, newTokenHash);
    }

    @Override
    public boolean revokeToken(String agencyId) {
        Objects.requireNonNull(agencyId, "agencyId");
        return setTokenHash("revoking a token", agencyId, null);
    }

    private boolean setTokenHash(String doing, String agencyId, String tokenHash) {
        return withConnection(doing, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE agency_token SET token_hash = ? WHERE agency_id = ?")) {
                update.setString(1, tokenHash);
                update.setString(2, agencyId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * The agency's active token hash; empty once revoked.
     *
     * @throws IllegalArgumentException when there is no such agency
     */
    private static Optional<String> tokenHash(Connection c, String agencyId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT token_hash FROM agency_token WHERE agency_id = ?")) {
            select.setString(1, agencyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no agency '" + agencyId + "'");
                }
                return Optional.ofNullable(rs.getString(1));
            }
        }
    }

    // --- extracts ---

    @Override
    public Optional<StoredExtract> currentExtract(String agencyId, Period period) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(period, "period");
        return withConnection("reading the current extract", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + EXTRACT_COLUMNS + " FROM extract"
                    + " WHERE agency_id = ? AND period_year = ? AND period_quarter = ? AND current_flag = TRUE")) {
                select.setString(1, agencyId);
                select.setInt(2, period.year());
                select.setInt(3, period.quarter());
                return readExtracts(select).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<StoredExtract> extract(String id) {
        Objects.requireNonNull(id, "id");
        return withConnection("reading an extract", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + EXTRACT_COLUMNS + " FROM extract WHERE id = ?")) {
                select.setString(1, id);
                return readExtracts(select).stream().findFirst();
            }
        });
    }

    @Override
    public List<StoredExtract> extracts(String agencyId) {
        Objects.requireNonNull(agencyId, "agencyId");
        return withConnection("listing extracts", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + EXTRACT_COLUMNS + " FROM extract"
                    + " WHERE agency_id = ? ORDER BY uploaded DESC, id")) {
                select.setString(1, agencyId);
                return readExtracts(select);
            }
        });
    }

    private static List<StoredExtract> readExtracts(PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery()) {
            List<StoredExtract> extracts = new ArrayList<>();
            while (rs.next()) {
                extracts.add(new StoredExtract(
                        rs.getString(1),
                        rs.getString(2),
                        new Period(rs.getInt(3), rs.getInt(4)),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs, 9),
                        rs.getBoolean(10),
                        Optional.ofNullable(rs.getString(11))));
            }
            return extracts;
        }
    }

    @Override
    public ExtractWrite beginExtract(String agencyId, Period period, String mediaType) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(mediaType, "mediaType");
        ConnectionPool.Lease lease = borrow("beginning an extract");
        try {
            Connection c = lease.connection();
            c.setAutoCommit(false);
            String tokenHash = tokenHash(c, agencyId)
                    .orElseThrow(() -> new TokenWithdrawnException(agencyId));
            String id = extractIds.next();
            // The row exists from the start because case_record references it; until the commit it is
            // visible to this transaction only, and it is never current.
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO extract (id, agency_id, period_year,"
                    + " period_quarter, media_type, sha256, row_count, linked_row_count, uploaded)"
                    + " VALUES (?, ?, ?, ?, ?, '', 0, 0, ?)")) {
                insert.setString(1, id);
                insert.setString(2, agencyId);
                insert.setInt(3, period.year());
                insert.setInt(4, period.quarter());
                insert.setString(5, mediaType);
                insert.setObject(6, timestamp(now()));
                insert.executeUpdate();
            }
            return new JdbcExtractWrite(lease, new CopyRecordInserter(c), id, agencyId, tokenHash, period, mediaType);
        } catch (SQLException e) {
            StoreException failure = failure("beginning an extract", e, lease);
            lease.close();
            throw failure;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Streams in {@code seq} order; an unknown or uncommitted extract streams nothing. */
    @Override
    public void records(String extractId, Consumer<CaseRecord> consumer) {
        Objects.requireNonNull(extractId, "extractId");
        Objects.requireNonNull(consumer, "consumer");
        withConnection("reading records", c -> {
            // PostgreSQL streams a result through a cursor only inside a transaction; otherwise it
            // would load every row of the extract into memory before the first one is consumed.
            c.setAutoCommit(false);
            // Ordered by the whole primary key, so the server walks the primary key index in order.
            try (PreparedStatement select = c.prepareStatement("SELECT " + CaseRecordColumns.READ_LIST
                    + " FROM case_record WHERE extract_id = ? ORDER BY extract_id, seq")) {
                select.setFetchSize(FETCH_SIZE);
                select.setString(1, extractId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(CaseRecordColumns.read(rs));
                    }
                }
            }
            c.commit();
            return null;
        });
    }

    @Override
    public List<StoredExtract> currentExtracts() {
        return withConnection("listing current extracts", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + EXTRACT_COLUMNS + " FROM extract"
                    + " WHERE current_flag = TRUE ORDER BY agency_id, period_year, period_quarter")) {
                return readExtracts(select);
            }
        });
    }

    // --- releases ---

    @Override
    public boolean createRelease(NewRelease release) {
        Objects.requireNonNull(release, "release");
        return withConnection("creating a release", c -> {
            c.setAutoCommit(false);
            try (PreparedStatement insertRelease = c.prepareStatement(
                    "INSERT INTO release (id, created, manifest, microdata) VALUES (?, ?, ?, ?)");
                    PreparedStatement insertExtract = c.prepareStatement("INSERT INTO release_extract"
                            + " (release_id, extract_position, extract_id) VALUES (?, ?, ?)")) {
                for (String extractId : release.extractIds()) {
                    if (!committedExtractExists(c, extractId)) {
                        throw new IllegalArgumentException("no committed extract '" + extractId + "'");
                    }
                }
                insertRelease.setString(1, release.id());
                insertRelease.setObject(2, timestamp(release.created()));
                insertRelease.setString(3, release.manifest());
                insertRelease.setString(4, release.microdata());
                insertRelease.executeUpdate();
                for (int position = 0; position < release.extractIds().size(); position++) {
                    insertExtract.setString(1, release.id());
                    insertExtract.setInt(2, position);
                    insertExtract.setString(3, release.extractIds().get(position));
                    insertExtract.addBatch();
                }
                insertExtract.executeBatch();
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (StoreFailures.UNIQUE_VIOLATION.equals(e.getSQLState()) && release(c, release.id()).isPresent()) {
                    return false;
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
    }

    private static boolean committedExtractExists(Connection c, String id) throws SQLException {
        // An extract row exists before its commit only inside its uploading transaction; sha256 is set on commit.
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM extract WHERE id = ? AND sha256 <> ''")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public int releasesOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return withConnection("counting releases", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM release WHERE id LIKE ?")) {
                select.setString(1, day + ".%");
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public List<StoredRelease> releases() {
        return withConnection("listing releases", c -> queryReleases(c, "ORDER BY ordinal DESC"));
    }

    @Override
    public Optional<StoredRelease> release(String id) {
        Objects.requireNonNull(id, "id");
        return withConnection("reading a release", c -> release(c, id));
    }

    private static Optional<StoredRelease> release(Connection c, String id) throws SQLException {
        return queryReleases(c, "WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<StoredRelease> latestRelease() {
        return withConnection("reading the latest release",
                c -> queryReleases(c, "WHERE ordinal = (SELECT MAX(ordinal) FROM release)").stream().findFirst());
    }

    private static List<StoredRelease> queryReleases(Connection c, String where, String... parameters)
            throws SQLException {
        List<String[]> heads = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, created, manifest FROM release " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    heads.add(new String[] {rs.getString(1), rs.getString(3)});
                    created.add(instant(rs, 2));
                }
            }
        }
        List<StoredRelease> releases = new ArrayList<>(heads.size());
        try (PreparedStatement extracts = c.prepareStatement("SELECT extract_id FROM release_extract"
                + " WHERE release_id = ? ORDER BY extract_position")) {
            for (int i = 0; i < heads.size(); i++) {
                extracts.setString(1, heads.get(i)[0]);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = extracts.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                releases.add(new StoredRelease(heads.get(i)[0], created.get(i), heads.get(i)[1], ids));
            }
        }
        return releases;
    }

    @Override
    public boolean writeMicrodata(String releaseId, Writer out) {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(out, "out");
        return withConnection("reading microdata", c -> {
            // Inside a transaction, as PostgreSQL needs for streaming.
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement("SELECT microdata FROM release WHERE id = ?")) {
                select.setString(1, releaseId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        c.commit();
                        return false;
                    }
                    try (Reader in = rs.getCharacterStream(1)) {
                        in.transferTo(out);
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException("writing microdata failed", e);
                    }
                }
            }
            c.commit();
            return true;
        });
    }

    // --- release jobs ---

    @Override
    public Optional<ReleaseJob> queueReleaseJob(String requestedBy) {
        Objects.requireNonNull(requestedBy, "requestedBy");
        return withConnection("queueing a release job", c -> {
            String id = "job-" + UUID.randomUUID();
            Instant queued = now();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO release_job"
                    + " (id, state, requested_by, queued, active_flag) VALUES (?, 'queued', ?, ?, TRUE)")) {
                insert.setString(1, id);
                insert.setString(2, requestedBy);
                insert.setObject(3, timestamp(queued));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (StoreFailures.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return Optional.empty(); // release_job_one_active: another job is under way
                }
                throw e;
            }
            return Optional.of(new ReleaseJob(id, ReleaseJob.State.QUEUED, requestedBy, queued, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        });
    }

    @Override
    public Optional<ReleaseJob> activeReleaseJob() {
        return withConnection("reading the active release job",
                c -> queryJob(c, "SELECT " + JOB_COLUMNS + " FROM release_job WHERE active_flag = TRUE"));
    }

    @Override
    public Optional<ReleaseJob> releaseJob(String id) {
        Objects.requireNonNull(id, "id");
        return withConnection("reading a release job",
                c -> queryJob(c, "SELECT " + JOB_COLUMNS + " FROM release_job WHERE id = ?", id));
    }

    private static Optional<ReleaseJob> queryJob(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String problemType = rs.getString(8);
                String detail = rs.getString(9);
                Optional<ReleaseJob.Problem> problem = Optional.ofNullable(problemType)
                        .map(type -> new ReleaseJob.Problem(type, Objects.requireNonNullElse(detail, "")));
                return Optional.of(new ReleaseJob(rs.getString(1), ReleaseJob.State.of(rs.getString(2)),
                        rs.getString(3), instant(rs, 4), optionalInstant(rs, 5), optionalInstant(rs, 6),
                        Optional.ofNullable(rs.getString(7)), problem));
            }
        }
    }

    @Override
    public boolean startReleaseJob(String id) {
        Objects.requireNonNull(id, "id");
        return withConnection("starting a release job", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE release_job SET state = 'running', started = ?"
                    + " WHERE id = ? AND state = 'queued'")) {
                update.setObject(1, timestamp(now()));
                update.setString(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean succeedReleaseJob(String id, String releaseId) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(releaseId, "releaseId");
        return endJob("ending a release job", id, ReleaseJob.State.SUCCEEDED, "state = 'running'", releaseId, null);
    }

    @Override
    public boolean failReleaseJob(String id, ReleaseJob.Problem problem) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(problem, "problem");
        return endJob("ending a release job", id, ReleaseJob.State.FAILED, "active_flag = TRUE", null, problem);
    }

    @Override
    public boolean abandonReleaseJob(String id) {
        Objects.requireNonNull(id, "id");
        return endJob("abandoning a release job", id, ReleaseJob.State.ABANDONED, "active_flag = TRUE", null, null);
    }

    /** Moves the job from a state matching {@code from} to the final {@code to}, no longer active. */
    private boolean endJob(String doing, String id, ReleaseJob.State to, String from, String releaseId,
                           ReleaseJob.Problem problem) {
        return withConnection(doing, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE release_job SET state = ?, finished = ?,"
                    + " release_id = ?, problem = ?, detail = ?, active_flag = NULL WHERE id = ? AND " + from)) {
                update.setString(1, to.id());
                update.setObject(2, timestamp(now()));
                update.setString(3, releaseId);
                update.setString(4, problem == null ? null : problem.type());
                update.setString(5, problem == null ? null
                        : problem.detail().substring(0, Math.min(problem.detail().length(), JOB_DETAIL_LENGTH)));
                update.setString(6, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int abandonReleaseJobs() {
        return withConnection("abandoning release jobs", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE release_job SET state = 'abandoned',"
                    + " finished = ?, active_flag = NULL WHERE active_flag = TRUE")) {
                update.setObject(1, timestamp(now()));
                return update.executeUpdate();
            }
        });
    }

    // --- operations ---

    @Override
    public void audit(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        withConnection("writing an audit event", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO audit_event (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, timestamp(event.at()));
                insert.setString(2, event.actor());
                insert.setString(3, event.action());
                insert.setString(4, event.subject());
                insert.setString(5, event.detail());
                insert.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public List<AuditEvent> auditLog(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("audit log limit must be at least 1, was " + limit);
        }
        return withConnection("reading the audit log", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT at, actor, action, subject, detail FROM audit_event ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<AuditEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        events.add(new AuditEvent(instant(rs, 1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                    return events;
                }
            }
        });
    }

    @Override
    public BackupSummary backup(Path target) {
        return backup(target, table -> { });
    }

    /** A backup that reports each table once written; tests use it to act between two tables. */
    BackupSummary backup(Path target, Consumer<String> afterTable) {
        Objects.requireNonNull(target, "target");
        return new LogicalBackup(pool, clock, afterTable).writeTo(target);
    }

    @Override
    public BackupSummary restore(Path backup) {
        Objects.requireNonNull(backup, "backup");
        return new LogicalRestore(pool).restoreFrom(backup);
    }

    @Override
    public boolean ping() {
        try (ConnectionPool.Lease lease = pool.borrow(PING_TIMEOUT);
                Statement statement = lease.connection().createStatement()) {
            statement.setQueryTimeout((int) PING_TIMEOUT.toSeconds());
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                boolean answered = rs.next() && rs.getInt(1) == 1;
                availability.succeeded();
                return answered;
            }
        } catch (SQLException e) {
            // Logged once per outage by the availability tracker, not once per health check.
            availability.unreachable(StoreFailures.describe(e));
            return false;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "store ping failed: " + e.getClass().getName());
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        try {
            server.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the store's database server failed: " + e.getMessage());
        }
    }

    // --- helpers ---

    private <T> T withConnection(String doing, Work<T> work) {
        try (ConnectionPool.Lease lease = borrow(doing)) {
            T result;
            try {
                result = work.run(lease.connection());
            } catch (SQLException e) {
                throw failure(doing, e, lease);
            }
            availability.succeeded();
            return result;
        }
    }

    private ConnectionPool.Lease borrow(String doing) {
        try {
            return pool.borrow();
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /**
     * The exception to throw for {@code e}; when the database was out of reach, the tracker hears of it
     * and the lease's connection (and the pool's idle ones) are dropped instead of being lent again.
     */
    private StoreException failure(String doing, SQLException e, ConnectionPool.Lease lease) {
        if (StoreFailures.isUnavailable(e)) {
            lease.discard();
        }
        return failure(doing, e);
    }

    private StoreException failure(String doing, SQLException e) {
        if (StoreFailures.isUnavailable(e)) {
            availability.unreachable(StoreFailures.describe(e));
        }
        return StoreFailures.of(doing, e);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /** An open upload: one connection, one transaction, from begin to commit or close. */
    private final class JdbcExtractWrite implements ExtractWrite {

        private enum State { OPEN, COMMITTED, ABANDONED }

        private final ConnectionPool.Lease lease;
        private final RecordInserter inserter;
        private final String id;
        private final String agencyId;
        /** The agency's token when the write began: the commit requires it still to be the active one. */
        private final String tokenHash;
        private final Period period;
        private final String mediaType;
        private State state = State.OPEN;
        private int rows;
        private long linkedRows;

        JdbcExtractWrite(ConnectionPool.Lease lease, RecordInserter inserter, String id, String agencyId,
                String tokenHash, Period period, String mediaType) {
            this.lease = lease;
            this.inserter = inserter;
            this.id = id;
            this.agencyId = agencyId;
            this.tokenHash = tokenHash;
            this.period = period;
            this.mediaType = mediaType;
        }

        @Override
        public void add(CaseRecord record) {
            Objects.requireNonNull(record, "record");
            requireOpen();
            Object[] values = CaseRecordColumns.values(id, rows, record);
            try {
                inserter.add(values);
            } catch (SQLException e) {
                StoreException failure = failure("writing a record", e, lease);
                abandon();
                throw failure;
            }
            rows++;
            if (record.linked()) {
                linkedRows++;
            }
        }

        @Override
        public StoredExtract commit(String sha256) {
            Objects.requireNonNull(sha256, "sha256");
            requireOpen();
            try {
                Connection c = lease.connection();
                inserter.finish();
                requireToken(c);
                lockPeriod(c);
                Optional<String> previous = currentExtractId(c);
                if (previous.isPresent()) {
                    try (PreparedStatement retire = c.prepareStatement(
                            "UPDATE extract SET current_flag = NULL WHERE id = ?")) {
                        retire.setString(1, previous.get());
                        retire.executeUpdate();
                    }
                }
                Instant uploaded = now();
                try (PreparedStatement publish = c.prepareStatement("UPDATE extract SET sha256 = ?, row_count = ?,"
                        + " linked_row_count = ?, uploaded = ?, current_flag = TRUE, replaces = ? WHERE id = ?")) {
                    publish.setString(1, sha256);
                    publish.setLong(2, rows);
                    publish.setLong(3, linkedRows);
                    publish.setObject(4, timestamp(uploaded));
                    publish.setString(5, previous.orElse(null));
                    publish.setString(6, id);
                    publish.executeUpdate();
                }
                c.commit();
                state = State.COMMITTED;
                lease.close();
                return new StoredExtract(id, agencyId, period, rows, linkedRows, mediaType, sha256, uploaded, true,
                        previous);
            } catch (SQLException e) {
                StoreException failure = failure("committing an extract", e, lease);
                abandon();
                throw failure;
            } catch (RuntimeException e) {
                abandon();
                throw e;
            }
        }

        /**
         * Refuses the commit unless the token that held when the write began is still the agency's, and keeps
         * it so until the commit ends: the row lock makes a concurrent rotation or revocation wait for this
         * commit, and a rotation committed before it is seen here (both databases read the latest committed
         * row for {@code FOR UPDATE}). Taken before the period lock, always in that order.
         */
        private void requireToken(Connection c) throws SQLException {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT token_hash FROM agency_token WHERE agency_id = ? FOR UPDATE")) {
                lock.setString(1, agencyId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !tokenHash.equals(rs.getString(1))) {
                        throw new TokenWithdrawnException(agencyId);
                    }
                }
            }
        }

        /**
         * Serialises commits for one (agency, period): the first commit creates its lock row, every
         * commit then holds that row until it ends, so the current extract it reads stays current.
         */
        private void lockPeriod(Connection c) throws SQLException {
            try (PreparedStatement create = c.prepareStatement("INSERT INTO extract_period_lock"
                    + " (agency_id, period_year, period_quarter) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
                    PreparedStatement lock = c.prepareStatement("SELECT agency_id FROM extract_period_lock"
                            + " WHERE agency_id = ? AND period_year = ? AND period_quarter = ? FOR UPDATE")) {
                for (PreparedStatement statement : List.of(create, lock)) {
                    statement.setString(1, agencyId);
                    statement.setInt(2, period.year());
                    statement.setInt(3, period.quarter());
                }
                create.executeUpdate();
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("period lock row missing for an extract commit");
                    }
                }
            }
        }

        private Optional<String> currentExtractId(Connection c) throws SQLException {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM extract"
                    + " WHERE agency_id = ? AND period_year = ? AND period_quarter = ? AND current_flag = TRUE")) {
                select.setString(1, agencyId);
                select.setInt(2, period.year());
                select.setInt(3, period.quarter());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        }

        @Override
        public void close() {
            if (state == State.OPEN) {
                abandon();
            }
        }

        private void requireOpen() {
            if (state != State.OPEN) {
                throw new IllegalStateException("extract write already " + state.name().toLowerCase(Locale.ROOT));
            }
        }

        /** Drops everything written: closing the lease rolls the transaction back. */
        private void abandon() {
            state = State.ABANDONED;
            inserter.abort();
            lease.close();
        }
    }
}
