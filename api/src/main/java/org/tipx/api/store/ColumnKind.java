package org.tipx.api.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * How a backup writes and reads one column's values, chosen from the column's JDBC metadata by what the
 * value is rather than by how a database names its type, so a backup taken on one database restores on
 * the other. A type the backup does not know fails loudly: a future migration must not lose a column.
 *
 * <p>Encoding (after a one-byte marker, 0 = NULL, 1 = value): booleans as a byte, integers as 4 or 8
 * bytes, dates as the epoch day, timestamps with time zone as epoch second, nanosecond and offset
 * seconds, strings as length-prefixed UTF-8, large text as a sequence of length-prefixed UTF-8 chunks
 * ended by a zero length, so a value of any size passes through a fixed buffer. Stateless.
 */
enum ColumnKind {
    BOOLEAN(Types.BOOLEAN) {
        @Override
        void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException {
            boolean value = rs.getBoolean(column);
            if (marker(rs, out)) {
                out.writeBoolean(value);
            }
        }

        @Override
        Object readValue(DataInputStream in) throws IOException {
            return in.readBoolean();
        }
    },
    INTEGER(Types.INTEGER) {
        @Override
        void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException {
            int value = rs.getInt(column);
            if (marker(rs, out)) {
                out.writeInt(value);
            }
        }

        @Override
        Object readValue(DataInputStream in) throws IOException {
            return in.readInt();
        }
    },
    BIGINT(Types.BIGINT) {
        @Override
        void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException {
            long value = rs.getLong(column);
            if (marker(rs, out)) {
                out.writeLong(value);
            }
        }

        @Override
        Object readValue(DataInputStream in) throws IOException {
            return in.readLong();
        }
    },
    DATE(Types.DATE) {
        @Override
        void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException {
            LocalDate value = rs.getObject(column, LocalDate.class);
            if (marker(value, out)) {
                out.writeLong(value.toEpochDay());
            }
        }

        @Override
        Object readValue(DataInputStream in) throws IOException {
            return LocalDate.ofEpochDay(in.readLong());
        }
    },
    TIMESTAMP_WITH_TIME_ZONE(Types.TIMESTAMP_WITH_TIMEZONE) {
        @Override
        void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            if (marker(value, out)) {
                Instant instant = value.toInstant();
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
                out.writeInt(value.getOffset().getTotalSeconds());
            }
        }

        @Override
        Object readValue(DataInputStream in) throws IOException {
            Instant instant = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(in.readInt()));
        }
    },
    TEXT(Types.VARCHAR) {
        @Override
        void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException {
            String value = rs.getString(column);
            if (marker(value, out)) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }

        @Override
        Object readValue(DataInputStream in) throws IOException {
            int length = in.readInt();
            if (length < 0 || length > MAX_TEXT_BYTES) {
                throw new IOException("damaged backup: text length " + length);
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    },
    /** Unbounded text (a release's manifest and microdata): streamed in chunks, never held whole by tipx. */
    LARGE_TEXT(Types.VARCHAR) {
        @Override
        void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException {
            try (Reader value = rs.getCharacterStream(column)) {
                if (marker(value, out)) {
                    writeChunks(value, out);
                }
            }
        }

        @Override
        Object readValue(DataInputStream in) throws IOException {
            return new String(new ChunkInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        void bind(DataInputStream in, PreparedStatement statement, int parameter, List<InputStream> streams)
                throws SQLException, IOException {
            if (present(in)) {
                // The driver reads the value during execute, before the next value is decoded.
                ChunkInputStream value = new ChunkInputStream(in);
                streams.add(value);
                statement.setCharacterStream(parameter, new InputStreamReader(value, StandardCharsets.UTF_8));
            } else {
                statement.setNull(parameter, sqlType);
            }
        }

        @Override
        void skip(DataInputStream in) throws IOException {
            if (present(in)) {
                new ChunkInputStream(in).transferTo(OutputStream.nullOutputStream());
            }
        }

        @Override
        boolean streamed() {
            return true;
        }
    };

    /** Characters per chunk of large text. */
    static final int CHUNK_CHARS = 16 * 1024;
    /** PostgreSQL's largest VARCHAR(n); a longer declared length means "unbounded" (large text). */
    static final long MAX_BOUNDED_LENGTH = 10_485_760;
    /** A bounded text value in UTF-8 is at most 4 bytes per character; more means a damaged backup. */
    private static final int MAX_TEXT_BYTES = (int) (4 * MAX_BOUNDED_LENGTH);

    /** The JDBC type of a NULL of this kind. */
    final int sqlType;

    ColumnKind(int sqlType) {
        this.sqlType = sqlType;
    }

    /** Writes the value of {@code column} of the current row. */
    abstract void write(ResultSet rs, int column, DataOutputStream out) throws SQLException, IOException;

    /** Reads a value that the marker said is present. */
    abstract Object readValue(DataInputStream in) throws IOException;

    /** Reads one value, {@code null} for SQL NULL (kept inside the store package, never in an API). */
    final Object read(DataInputStream in) throws IOException {
        return present(in) ? readValue(in) : null;
    }

    /** Binds a value from {@link #read}, {@code null} meaning SQL NULL. */
    final void set(PreparedStatement statement, int parameter, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(parameter, sqlType);
        } else {
            statement.setObject(parameter, value);
        }
    }

    /**
     * Reads one value and binds it to {@code parameter}. A value bound as a stream is added to
     * {@code streams}: the caller executes the statement, then reads each to its end.
     */
    void bind(DataInputStream in, PreparedStatement statement, int parameter, List<InputStream> streams)
            throws SQLException, IOException {
        set(statement, parameter, read(in));
    }

    /** Reads past one value. */
    void skip(DataInputStream in) throws IOException {
        read(in);
    }

    /** True when a bound value is a stream the driver reads at execute, so rows cannot be batched. */
    boolean streamed() {
        return false;
    }

    /** The kind of a column from {@link java.sql.DatabaseMetaData#getColumns}; fails on a type it does not know. */
    static ColumnKind of(String table, String column, int dataType, String typeName, long columnSize) {
        String type = typeName.toLowerCase(Locale.ROOT);
        return switch (dataType) {
            case Types.BOOLEAN -> BOOLEAN;
            // PostgreSQL reports its boolean as BIT; a real bit string (bit(n)) is something else.
            case Types.BIT -> {
                if (type.equals("bool") || type.equals("boolean")) {
                    yield BOOLEAN;
                }
                throw unknown(table, column, typeName);
            }
            case Types.SMALLINT, Types.TINYINT, Types.INTEGER -> INTEGER;
            case Types.BIGINT -> BIGINT;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_TIME_ZONE;
            // PostgreSQL reports timestamptz as TIMESTAMP; only its type name tells the two apart.
            case Types.TIMESTAMP -> {
                if (type.equals("timestamptz")) {
                    yield TIMESTAMP_WITH_TIME_ZONE;
                }
                throw unknown(table, column, typeName);
            }
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> LARGE_TEXT;
            // PostgreSQL's text is a VARCHAR without a length limit.
            case Types.VARCHAR, Types.NVARCHAR, Types.CHAR, Types.NCHAR ->
                    type.equals("text") || columnSize > MAX_BOUNDED_LENGTH ? LARGE_TEXT : TEXT;
            default -> throw unknown(table, column, typeName);
        };
    }

    private static StoreException unknown(String table, String column, String typeName) {
        return new StoreException("column " + table + "." + column + " has type " + typeName
                + ", which backup and restore do not know; teach ColumnKind this type");
    }

    /** Writes the NULL marker of the value just read from {@code rs}; true when a value follows. */
    private static boolean marker(ResultSet rs, DataOutputStream out) throws SQLException, IOException {
        return marker(rs.wasNull() ? null : Boolean.TRUE, out);
    }

    private static boolean marker(Object value, DataOutputStream out) throws IOException {
        out.writeByte(value == null ? 0 : 1);
        return value != null;
    }

    private static boolean present(DataInputStream in) throws IOException {
        int marker = in.readUnsignedByte();
        if (marker > 1) {
            throw new IOException("damaged backup: value marker " + marker);
        }
        return marker == 1;
    }

    /**
     * Chunks of whole characters: a chunk never ends between the two halves of a surrogate pair, so each
     * decodes on its own.
     */
    private static void writeChunks(Reader value, DataOutputStream out) throws IOException {
        char[] buffer = new char[CHUNK_CHARS];
        int held = 0;
        while (true) {
            int read = value.read(buffer, held, buffer.length - held);
            if (read < 0) {
                if (held > 0) {
                    writeChunk(buffer, held, out);
                }
                out.writeInt(0);
                return;
            }
            int filled = held + read;
            int whole = Character.isHighSurrogate(buffer[filled - 1]) ? filled - 1 : filled;
            if (whole > 0) {
                writeChunk(buffer, whole, out);
            }
            held = filled - whole;
            if (held > 0) {
                buffer[0] = buffer[filled - 1];
            }
        }
    }

    private static void writeChunk(char[] chars, int length, DataOutputStream out) throws IOException {
        byte[] bytes = new String(chars, 0, length).getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The bytes of one chunked value: ends at the zero-length chunk, leaving the stream after it. */
    private static final class ChunkInputStream extends InputStream {
        private final DataInputStream in;
        private int remaining;
        private boolean ended;

        ChunkInputStream(DataInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (remaining == 0) {
                if (ended) {
                    return -1;
                }
                int next = in.readInt();
                if (next < 0) {
                    throw new IOException("damaged backup: chunk length " + next);
                }
                if (next == 0) {
                    ended = true;
                    return -1;
                }
                remaining = next;
            }
            int n = in.read(b, off, Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("damaged backup: a chunk ends early");
            }
            remaining -= n;
            return n;
        }
    }
}
