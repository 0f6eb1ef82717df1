package org.tipx.api.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the store's tables from the database's own metadata, so that a table or column added by a later
 * migration is backed up without anyone remembering to list it, and a column of a type the backup does
 * not know fails loudly ({@link ColumnKind#of}). Stateless.
 */
final class StoreSchema {

    /** Flyway's own bookkeeping: the schema version it holds goes into the backup's header instead. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private StoreSchema() {
    }

    /**
     * Every table of the connection's schema except Flyway's history, parents before the tables whose
     * foreign keys point at them (ties by name), so that restoring in this order satisfies every foreign
     * key as rows arrive.
     */
    static List<TableSchema> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, TableSchema> tables = new TreeMap<>();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String name : tableNames(meta, schema)) {
            Set<String> referenced = new TreeSet<>();
            Optional<TableSchema.SelfReference> self = Optional.empty();
            try (ResultSet keys = meta.getImportedKeys(c.getCatalog(), schema, name)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME");
                    if (!parent.equals(name)) {
                        referenced.add(parent);
                    } else if (keys.getInt("KEY_SEQ") > 1 || self.isPresent()) {
                        throw new StoreException("table " + name + " references itself through more than one "
                                + "column, which restore does not handle");
                    } else {
                        self = Optional.of(new TableSchema.SelfReference(keys.getString("FKCOLUMN_NAME"),
                                keys.getString("PKCOLUMN_NAME")));
                    }
                }
            }
            tables.put(name, new TableSchema(name, columns(meta, c.getCatalog(), schema, name),
                    primaryKey(meta, c.getCatalog(), schema, name), self));
            parents.put(name, referenced);
        }
        return dependencyOrder(tables, parents);
    }

    private static List<String> tableNames(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                // "TABLE" (some drivers say "BASE TABLE"); views, sequences and indexes are not data.
                String type = rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT);
                String name = rs.getString("TABLE_NAME");
                if ((type.equals("TABLE") || type.equals("BASE TABLE")) && !name.equalsIgnoreCase(FLYWAY_HISTORY)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<TableSchema.Column> columns(DatabaseMetaData meta, String catalog, String schema,
            String table) throws SQLException {
        Map<Integer, TableSchema.Column> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                ColumnKind kind = ColumnKind.of(table, name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        rs.getLong("COLUMN_SIZE"));
                boolean identity = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                byPosition.put(rs.getInt("ORDINAL_POSITION"), new TableSchema.Column(name, kind, identity));
            }
        }
        if (byPosition.isEmpty()) {
            throw new StoreException("table " + table + " has no columns in the database's metadata");
        }
        return List.copyOf(byPosition.values());
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        if (bySequence.isEmpty()) {
            // Rows are backed up in key order, which makes the same data give the same backup.
            throw new StoreException("table " + table + " has no primary key, which backup needs to order its rows");
        }
        return List.copyOf(bySequence.values());
    }

    /** Kahn's algorithm, always taking the smallest name that is ready: deterministic. */
    private static List<TableSchema> dependencyOrder(Map<String, TableSchema> tables, Map<String, Set<String>> parents) {
        List<TableSchema> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < tables.size()) {
            Optional<String> ready = tables.keySet().stream()
                    .filter(name -> !done.contains(name))
                    .filter(name -> done.containsAll(parents.get(name)))
                    .findFirst();
            if (ready.isEmpty()) {
                Set<String> rest = new TreeSet<>(tables.keySet());
                rest.removeAll(done);
                throw new StoreException("the foreign keys between tables " + rest + " form a cycle, or point "
                        + "outside the schema; restore cannot order them");
            }
            done.add(ready.get());
            ordered.add(tables.get(ready.get()));
        }
        return ordered;
    }

    /** The schema version Flyway last applied successfully, e.g. "2". */
    static String version(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM " + FLYWAY_HISTORY
                + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC");
                ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("the store has no applied migration");
            }
            return rs.getString(1);
        }
    }
}
