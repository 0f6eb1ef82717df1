package org.tipx.api.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table as backup and restore see it, read from the database's metadata.
 *
 * @param columns       in the table's column order
 * @param primaryKey    the key's column names, in key order (the order rows are backed up in)
 * @param selfReference a foreign key from this table to itself (an extract names the one it replaces):
 *                      restore writes it in a second pass, once every row it may point to exists
 */
record TableSchema(String name, List<Column> columns, List<String> primaryKey, Optional<SelfReference> selfReference) {

    /** A column; {@code identity} when the database generates its values (restore keeps them). */
    record Column(String name, ColumnKind kind, boolean identity) {
        Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code column} references {@code referenced}, both of this table. */
    record SelfReference(String column, String referenced) {
    }

    TableSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        Objects.requireNonNull(selfReference, "selfReference");
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new StoreException("table " + name + " has no column " + column);
    }

    /** True when a row holds a value the driver reads as a stream, so inserts go one by one. */
    boolean streamed() {
        return columns.stream().anyMatch(c -> c.kind().streamed());
    }
}
