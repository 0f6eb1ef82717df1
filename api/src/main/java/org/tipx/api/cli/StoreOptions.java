package org.tipx.api.cli;

import java.nio.file.Path;
import java.util.Map;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;
import picocli.CommandLine.Option;

/** Where tipx keeps its data: an H2 file database under {@code --data}, or PostgreSQL via {@code --jdbc-url}. */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data folder: the embedded H2 database and, unless configured otherwise, the "
                    + "pseudonymisation secret (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:TIPX_JDBC_URL}",
            description = "PostgreSQL JDBC URL (production store) instead of the embedded H2 database; "
                    + "user and password come from TIPX_JDBC_USER and TIPX_JDBC_PASSWORD. Env: TIPX_JDBC_URL.")
    String jdbcUrl;

    TipxStore open(Map<String, String> env) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return TipxStores.h2(dataDir);
        }
        return TipxStores.jdbc(jdbcUrl, env.getOrDefault("TIPX_JDBC_USER", ""), env.getOrDefault("TIPX_JDBC_PASSWORD", ""));
    }

    String describe() {
        return jdbcUrl == null || jdbcUrl.isBlank() ? "H2 database in " + dataDir.toAbsolutePath() : "PostgreSQL";
    }
}
