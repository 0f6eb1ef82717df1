package org.tipx.api.store;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A logical backup of the whole store into one zip file: one entry per table ({@code tables/NAME.rows},
 * rows in primary key order, values as {@link ColumnKind} encodes them) and {@code backup.json} last
 * ({@link BackupHeader}: format and schema version, row counts, a SHA-256 per entry), and the SHA-256
 * of the whole file in its zip comment ({@link BackupSeal}).
 *
 * <p>Consistent while the server runs: every table is read in one read-only transaction at REPEATABLE
 * READ, which on PostgreSQL is one snapshot taken at its first statement, so an upload or a release
 * committed meanwhile is in the backup whole or not at all. Memory does not grow with the data: rows
 * stream from the database (a cursor on PostgreSQL) into the zip, large text in chunks. The file is
 * written under a temporary name in the target's folder and moved into place only once complete and
 * flushed to disk. One backup per instance; not thread-safe.
 */
final class LogicalBackup {

    /** Rows per round trip; a table with large text is read one row at a time. */
    static final int FETCH_SIZE = 1000;
    static final String TABLE_ENTRY_PREFIX = "tables/";

    /** Names the backup puts into SQL unquoted: what both databases fold to and accept as they are. */
    static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ConnectionPool pool;
    private final Clock clock;
    private final Consumer<String> afterTable;

    /** {@code afterTable} hears each table's name once its rows are written (progress, and tests). */
    LogicalBackup(ConnectionPool pool, Clock clock, Consumer<String> afterTable) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.afterTable = Objects.requireNonNull(afterTable, "afterTable");
    }

    BackupSummary writeTo(Path target) {
        Path file = target.toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalArgumentException("the backup file " + file + " exists already; choose a new name");
        }
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".partial");
            BackupSummary summary;
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temporary), BUFFER_BYTES))) {
                zip.setComment(BackupSeal.PLACEHOLDER);
                summary = write(zip);
            }
            BackupSeal.seal(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the backup " + file + " failed", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private BackupSummary write(ZipOutputStream zip) throws IOException {
        try (ConnectionPool.Lease lease = pool.borrow()) {
            Connection c = lease.connection();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                BackupSummary summary = write(c, zip);
                c.commit();
                return summary;
            } finally {
                // The pool rolls back and restores auto-commit, but not these.
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw StoreFailures.of("taking a backup", e);
        }
    }

    private BackupSummary write(Connection c, ZipOutputStream zip) throws SQLException, IOException {
        // The first statement fixes PostgreSQL's snapshot: the version and every table are read in it.
        String version = StoreSchema.version(c);
        List<TableSchema> tables = StoreSchema.tables(c);
        Instant created = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<BackupHeader.Table> entries = new ArrayList<>();
        for (TableSchema table : tables) {
            entries.add(writeTable(c, table, zip, created));
            afterTable.accept(table.name());
        }
        BackupHeader header = new BackupHeader(BackupHeader.FORMAT_VERSION, version, created,
                c.getMetaData().getDatabaseProductName(), entries);
        zip.putNextEntry(entry(BackupHeader.ENTRY, created));
        header.write(new KeepOpen(zip));
        zip.closeEntry();
        Map<String, Long> rows = new LinkedHashMap<>();
        entries.forEach(e -> rows.put(e.name(), e.rows()));
        return new BackupSummary(version, created, rows);
    }

    private static BackupHeader.Table writeTable(Connection c, TableSchema table, ZipOutputStream zip, Instant created)
            throws SQLException, IOException {
        String entryName = TABLE_ENTRY_PREFIX + table.name() + ".rows";
        zip.putNextEntry(entry(entryName, created));
        MessageDigest sha256 = sha256();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DigestOutputStream(new KeepOpen(zip), sha256), BUFFER_BYTES));
        long rows = 0;
        try (PreparedStatement select = c.prepareStatement(selectAll(table))) {
            select.setFetchSize(table.streamed() ? 1 : FETCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.writeByte(1);
                    for (int i = 0; i < table.columns().size(); i++) {
                        table.columns().get(i).kind().write(rs, i + 1, out);
                    }
                    rows++;
                }
            }
        }
        out.writeByte(0);
        out.flush();
        zip.closeEntry();
        return new BackupHeader.Table(table.name(), entryName,
                table.columns().stream().map(TableSchema.Column::name).toList(),
                table.columns().stream().map(TableSchema.Column::kind).toList(),
                rows, HexFormat.of().formatHex(sha256.digest()));
    }

    static String selectAll(TableSchema table) {
        return "SELECT " + columnList(table) + " FROM " + plain(table.name())
                + " ORDER BY " + table.primaryKey().stream().map(LogicalBackup::plain).collect(Collectors.joining(", "));
    }

    static String columnList(TableSchema table) {
        return table.columns().stream().map(col -> plain(col.name())).collect(Collectors.joining(", "));
    }

    /** A table or column name, checked to need no quoting on either database. */
    static String plain(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new StoreException("name " + name + " needs quoting, which backup and restore do not do");
        }
        return name;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Entries carry the backup's time rather than the clock's, so the same data gives the same bytes. */
    private static ZipEntry entry(String name, Instant created) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(created));
        return entry;
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            System.getLogger(LogicalBackup.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete the unfinished backup " + temporary);
        }
    }

    /** Lets a writer close or flush its stream without closing the zip entry underneath. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
