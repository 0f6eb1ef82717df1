package org.tipx.api.cli;

import java.nio.file.Path;
import java.util.Map;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;
import picocli.CommandLine.Option;

/** Where tipx keeps its data: the embedded PostgreSQL under {@code --data}, or a PostgreSQL server via {@code --jdbc-url}. */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data folder: the embedded PostgreSQL database and, unless configured otherwise, the "
                    + "pseudonymisation secret (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:TIPX_JDBC_URL}",
            description = "PostgreSQL JDBC URL (production store) instead of the embedded database; "
                    + "user and password come from TIPX_JDBC_USER and TIPX_JDBC_PASSWORD. Env: TIPX_JDBC_URL.")
    String jdbcUrl;

    TipxStore open(Map<String, String> env) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return TipxStores.embedded(dataDir);
        }
        return TipxStores.jdbc(jdbcUrl, env.getOrDefault("TIPX_JDBC_USER", ""), env.getOrDefault("TIPX_JDBC_PASSWORD", ""));
    }

    String describe() {
        return jdbcUrl == null || jdbcUrl.isBlank() ? "embedded PostgreSQL in " + dataDir.toAbsolutePath() : "PostgreSQL";
    }
}
