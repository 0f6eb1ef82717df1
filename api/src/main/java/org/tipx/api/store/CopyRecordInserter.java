package org.tipx.api.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL inserter: one {@code COPY case_record FROM STDIN} per extract, fed in chunks of the text
 * format. COPY skips per-row parsing, planning and round trips, which is what makes a million-row
 * extract a matter of seconds (PostgreSQL documentation, "Populating a Database", section 14.4.2).
 */
final class CopyRecordInserter implements RecordInserter {

    /** Characters buffered before a chunk goes to the server. */
    private static final int CHUNK_CHARS = 1 << 16;

    /** PostgreSQL's timestamptz input, to the microsecond (its precision), with an explicit offset. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx",
            Locale.ROOT);

    private static final System.Logger LOG = System.getLogger(CopyRecordInserter.class.getName());

    private final CopyIn copy;
    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 2048);

    CopyRecordInserter(Connection connection) throws SQLException {
        this(connection, "case_record", CaseRecordColumns.COLUMN_LIST);
    }

    /** COPY into any table; restore uses it. {@code table} and {@code columnList} are trusted SQL. */
    CopyRecordInserter(Connection connection, String table, String columnList) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columnList + ") FROM STDIN");
    }

    @Override
    public void add(Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                chunk.append('\t');
            }
            appendValue(values[i]);
        }
        chunk.append('\n');
        if (chunk.length() >= CHUNK_CHARS) {
            flush();
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    @Override
    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // Cancelling answers with the server's "COPY cancelled" error; the rollback that follows is what counts.
            LOG.log(System.Logger.Level.DEBUG, "cancelling COPY", e);
        }
    }

    private void flush() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** Appends one value in COPY's text format: {@code \N} for NULL, backslash escapes for control characters. */
    private void appendValue(Object value) {
        switch (value) {
            case null -> chunk.append("\\N");
            case Boolean b -> chunk.append(b ? 't' : 'f');
            case Integer n -> chunk.append(n.intValue());
            case Long n -> chunk.append(n.longValue());
            case OffsetDateTime t -> chunk.append(TIMESTAMP.format(t));
            case LocalDate d -> chunk.append(d);
            case String s -> appendEscaped(s);
            default -> throw new IllegalStateException("no COPY encoding for " + value.getClass().getName());
        }
    }

    private static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void appendEscaped(String s) {
        if (!needsEscaping(s)) {
            chunk.append(s); // the usual case (codes, hex pseudonyms): one bulk copy, not a call per character
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> chunk.append("\\\\");
                case '\t' -> chunk.append("\\t");
                case '\n' -> chunk.append("\\n");
                case '\r' -> chunk.append("\\r");
                default -> chunk.append(c);
            }
        }
    }
}
