package org.tipx.api.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Restores a {@link LogicalBackup} into an empty store of the same schema version, in one transaction:
 * all or nothing. Before it touches the database it checks the SHA-256 of the whole file
 * ({@link BackupSeal}) and of every entry against the header, so a damaged file is refused without a write; while it inserts it checks the
 * digests and row counts again and rolls back on any difference.
 *
 * <p>Values of identity columns (a release's ordinal, an audit event's id) are kept, and each identity
 * then restarts after the largest restored value, so new rows continue the sequence. That restart is
 * the last statement before the commit. A foreign
 * key of a table to itself (an extract names the one it replaces) is written in a second pass. Not
 * thread-safe; one restore per instance.
 */
final class LogicalRestore {

    /** Updates per JDBC batch in the second pass. */
    static final int BATCH_ROWS = 1000;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ConnectionPool pool;

    LogicalRestore(ConnectionPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    BackupSummary restoreFrom(Path backup) {
        Path file = backup.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new RestoreRefusedException("no backup file " + file);
        }
        try {
            BackupSeal.verify(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the backup " + file + " failed", e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupHeader header = header(zip);
            for (BackupHeader.Table table : header.tables()) {
                verify(zip, table);
            }
            return restore(zip, header);
        } catch (ZipException e) {
            throw new RestoreRefusedException("damaged backup: " + file + " is not a readable zip file ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the backup " + file + " failed", e);
        }
    }

    private static BackupHeader header(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupHeader.ENTRY);
        if (entry == null) {
            throw new RestoreRefusedException("not a tipx backup: it has no " + BackupHeader.ENTRY);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return BackupHeader.read(in);
        }
    }

    /** Reads one entry whole and compares its digest with the header's. */
    private static void verify(ZipFile zip, BackupHeader.Table table) throws IOException {
        MessageDigest sha256 = LogicalBackup.sha256();
        try (InputStream in = new DigestInputStream(open(zip, table), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        requireDigest(table, sha256);
    }

    private static InputStream open(ZipFile zip, BackupHeader.Table table) throws IOException {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw new RestoreRefusedException("damaged backup: the entry " + table.entry() + " of table "
                    + table.name() + " is missing");
        }
        return zip.getInputStream(entry);
    }

    private static void requireDigest(BackupHeader.Table table, MessageDigest sha256) {
        if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
            throw new RestoreRefusedException("damaged backup: the SHA-256 of table " + table.name()
                    + " does not match its header");
        }
    }

    private BackupSummary restore(ZipFile zip, BackupHeader header) throws IOException {
        try (ConnectionPool.Lease lease = pool.borrow()) {
            Connection c = lease.connection();
            c.setAutoCommit(false);
            try {
                List<TableSchema> tables = checkTarget(c, header);
                Map<String, Long> rows = new LinkedHashMap<>();
                for (TableSchema table : tables) {
                    BackupHeader.Table entry = header.table(table.name()).orElseThrow();
                    rows.put(table.name(), insertRows(c, zip, table, entry));
                }
                for (TableSchema table : tables) {
                    if (table.selfReference().isPresent()) {
                        linkSelfReferences(c, zip, table, header.table(table.name()).orElseThrow());
                    }
                }
                restartIdentities(c, tables);
                c.commit();
                return new BackupSummary(header.schemaVersion(), header.created(), rows);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreFailures.of("restoring a backup", e);
        }
    }

    /** Same schema version, same tables and columns, and not a single row yet; refuses otherwise. */
    private static List<TableSchema> checkTarget(Connection c, BackupHeader header) throws SQLException {
        String version = StoreSchema.version(c);
        if (!version.equals(header.schemaVersion())) {
            throw new RestoreRefusedException("the backup is of schema version " + header.schemaVersion()
                    + " and the store is at version " + version + "; restore into a store of the same version");
        }
        List<TableSchema> tables = StoreSchema.tables(c);
        List<String> inStore = tables.stream().map(TableSchema::name).sorted().toList();
        List<String> inBackup = header.tables().stream().map(BackupHeader.Table::name).sorted().toList();
        if (!inStore.equals(inBackup)) {
            throw new RestoreRefusedException("the backup holds tables " + inBackup + " and the store has "
                    + inStore + "; restore into a store of the same schema");
        }
        for (TableSchema table : tables) {
            BackupHeader.Table entry = header.table(table.name()).orElseThrow();
            List<String> columns = table.columns().stream().map(TableSchema.Column::name).toList();
            List<ColumnKind> kinds = table.columns().stream().map(TableSchema.Column::kind).toList();
            if (!columns.equals(entry.columns()) || !kinds.equals(entry.kinds())) {
                throw new RestoreRefusedException("table " + table.name() + " has other columns in the backup "
                        + describe(entry.columns(), entry.kinds()) + " than in the store " + describe(columns, kinds)
                        + "; restore into a store of the same schema");
            }
        }
        for (TableSchema table : tables) {
            try (Statement select = c.createStatement();
                    ResultSet rs = select.executeQuery("SELECT 1 FROM " + LogicalBackup.plain(table.name())
                            + " LIMIT 1")) {
                if (rs.next()) {
                    throw new RestoreRefusedException("the store is not empty (table " + table.name()
                            + " has rows); restore only into a new, empty store");
                }
            }
        }
        return tables;
    }

    private static String describe(List<String> columns, List<ColumnKind> kinds) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            described.add(columns.get(i) + " " + kinds.get(i));
        }
        return described.toString();
    }

    private static long insertRows(Connection c, ZipFile zip, TableSchema table, BackupHeader.Table entry)
            throws SQLException, IOException {
        int deferred = table.selfReference().map(s -> table.indexOf(s.column())).orElse(-1);
        MessageDigest sha256 = LogicalBackup.sha256();
        long rows;
        try (DataInputStream in = rowStream(zip, entry, sha256)) {
            if (table.streamed()) {
                rows = insertOneByOne(c, in, table, deferred);
            } else {
                rows = copy(c, in, table, deferred);
            }
            requireEnd(in, table);
        }
        requireDigest(entry, sha256);
        if (rows != entry.rows()) {
            throw new RestoreRefusedException("damaged backup: table " + table.name() + " holds " + rows
                    + " rows and its header says " + entry.rows());
        }
        return rows;
    }

    /** Rows with large text: each value streams from the backup into its own INSERT. */
    private static long insertOneByOne(Connection c, DataInputStream in, TableSchema table, int deferred)
            throws SQLException, IOException {
        long rows = 0;
        List<InputStream> streams = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(insertSql(table))) {
            while (nextRow(in, table)) {
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnKind kind = table.columns().get(i).kind();
                    if (i == deferred) {
                        kind.skip(in);
                        kind.set(insert, i + 1, null);
                    } else {
                        kind.bind(in, insert, i + 1, streams);
                    }
                }
                insert.executeUpdate();
                for (InputStream value : streams) {
                    // A driver that stopped early would leave the rest of the value in the way.
                    value.transferTo(OutputStream.nullOutputStream());
                }
                streams.clear();
                rows++;
            }
        }
        return rows;
    }

    /**
     * PostgreSQL: {@code COPY ... FROM STDIN}, as uploads load records. COPY writes the given values into
     * identity columns as they are (the OVERRIDING clause is INSERT's; COPY never generates them).
     */
    private static long copy(Connection c, DataInputStream in, TableSchema table, int deferred)
            throws SQLException, IOException {
        CopyRecordInserter copy = new CopyRecordInserter(c, LogicalBackup.plain(table.name()),
                LogicalBackup.columnList(table));
        Object[] values = new Object[table.columns().size()];
        long rows = 0;
        try {
            while (nextRow(in, table)) {
                for (int i = 0; i < values.length; i++) {
                    Object value = table.columns().get(i).kind().read(in);
                    values[i] = i == deferred ? null : value;
                }
                copy.add(values);
                rows++;
            }
            copy.finish();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            copy.abort();
            throw e;
        }
    }

    /** Identity values are written as they were: OVERRIDING SYSTEM VALUE (SQL standard). */
    private static String insertSql(TableSchema table) {
        boolean identity = table.columns().stream().anyMatch(TableSchema.Column::identity);
        return "INSERT INTO " + LogicalBackup.plain(table.name()) + " (" + LogicalBackup.columnList(table) + ")"
                + (identity ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
    }

    /** Second pass over a table's entry: sets each row's reference to another row of the same table. */
    private static void linkSelfReferences(Connection c, ZipFile zip, TableSchema table, BackupHeader.Table entry)
            throws SQLException, IOException {
        TableSchema.SelfReference reference = table.selfReference().orElseThrow();
        int from = table.indexOf(reference.column());
        int to = table.indexOf(reference.referenced());
        try (DataInputStream in = rowStream(zip, entry, LogicalBackup.sha256());
                PreparedStatement update = c.prepareStatement("UPDATE " + LogicalBackup.plain(table.name())
                        + " SET " + LogicalBackup.plain(reference.column()) + " = ? WHERE "
                        + LogicalBackup.plain(reference.referenced()) + " = ?")) {
            int pending = 0;
            while (nextRow(in, table)) {
                Object key = null;
                Object target = null;
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnKind kind = table.columns().get(i).kind();
                    if (i == from) {
                        target = kind.read(in);
                    } else if (i == to) {
                        key = kind.read(in);
                    } else {
                        kind.skip(in);
                    }
                }
                if (target != null) {
                    table.columns().get(from).kind().set(update, 1, target);
                    table.columns().get(to).kind().set(update, 2, key);
                    update.addBatch();
                    if (++pending % BATCH_ROWS == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
    }

    /** Moves every identity past the largest value restored, so the next generated one is new. */
    private static void restartIdentities(Connection c, List<TableSchema> tables) throws SQLException {
        for (TableSchema table : tables) {
            for (TableSchema.Column column : table.columns()) {
                if (!column.identity()) {
                    continue;
                }
                String name = LogicalBackup.plain(column.name());
                long max;
                try (Statement select = c.createStatement();
                        ResultSet rs = select.executeQuery("SELECT MAX(" + name + ") FROM "
                                + LogicalBackup.plain(table.name()))) {
                    rs.next();
                    max = rs.getLong(1);
                    if (rs.wasNull()) {
                        continue;
                    }
                }
                try (Statement alter = c.createStatement()) {
                    alter.execute("ALTER TABLE " + LogicalBackup.plain(table.name()) + " ALTER COLUMN " + name
                            + " RESTART WITH " + (max + 1));
                }
            }
        }
    }

    private static DataInputStream rowStream(ZipFile zip, BackupHeader.Table entry, MessageDigest sha256)
            throws IOException {
        return new DataInputStream(new BufferedInputStream(new DigestInputStream(open(zip, entry), sha256),
                BUFFER_BYTES));
    }

    private static boolean nextRow(DataInputStream in, TableSchema table) throws IOException {
        int marker = in.readUnsignedByte();
        if (marker > 1) {
            throw new RestoreRefusedException("damaged backup: table " + table.name() + " has a bad row marker");
        }
        return marker == 1;
    }

    private static void requireEnd(DataInputStream in, TableSchema table) throws IOException {
        if (in.read() >= 0) {
            throw new RestoreRefusedException("damaged backup: table " + table.name() + " has bytes after its rows");
        }
    }
}
