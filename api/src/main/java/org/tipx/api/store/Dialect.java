package org.tipx.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store runs on; they differ only in how records are bulk-loaded. */
enum Dialect {
    H2 {
        @Override
        RecordInserter inserter(Connection connection) throws SQLException {
            return new BatchRecordInserter(connection);
        }
    },
    POSTGRESQL {
        @Override
        RecordInserter inserter(Connection connection) throws SQLException {
            return new CopyRecordInserter(connection);
        }
    };

    /** A record inserter for one open upload on this connection. */
    abstract RecordInserter inserter(Connection connection) throws SQLException;

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgresql" -> POSTGRESQL;
            default -> throw new StoreException("unsupported database: " + product);
        };
    }
}
