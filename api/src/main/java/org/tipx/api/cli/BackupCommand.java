package org.tipx.api.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipx.api.store.AuditEvent;
import org.tipx.api.store.BackupSummary;
import org.tipx.api.store.StoreException;
import org.tipx.api.store.TipxStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipx backup FILE}: a consistent logical backup of the configured store into one new file. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes every table of the store into FILE, a new zip file, from one consistent snapshot: "
                + "safe while the server runs on PostgreSQL. The pseudonymisation secret is not in it: back it up "
                + "separately (docs/operations.md).",
                "Exit 0 written, 1 failed (nothing is left under FILE)."})
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to create; it must not exist yet.")
    Path file;

    @Override
    public Integer call() {
        if (Files.exists(file)) {
            // Checked before the store is opened, so a typo costs nothing.
            throw new IllegalArgumentException("the backup file " + file + " exists already; choose a new name");
        }
        BackupSummary summary;
        try (TipxStore store = open(storeOptions)) {
            summary = store.backup(file);
            store.audit(new AuditEvent(Clock.systemUTC().instant(), "cli", "backup.create",
                    truncate(file.getFileName().toString()), String.format(Locale.ROOT,
                            "%d rows, schema version %s", summary.totalRows(), summary.schemaVersion())));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "backup %s: %,d rows from %d tables, schema version %s, %,d bytes (%s)%n",
                file, summary.totalRows(), summary.rows().size(), summary.schemaVersion(), size(file),
                storeOptions.describe());
        out.flush();
        return 0;
    }

    /**
     * Opens the store, saying which one failed. The embedded database admits one process at a time, so
     * the likeliest cause there is a server running on the same data folder.
     */
    static TipxStore open(StoreOptions storeOptions) {
        try {
            return storeOptions.open(System.getenv());
        } catch (StoreException e) {
            boolean embedded = storeOptions.jdbcUrl == null || storeOptions.jdbcUrl.isBlank();
            throw new StoreException("cannot open the store (" + storeOptions.describe() + "): " + e.getMessage()
                    + (embedded ? "; if a tipx server runs on this data folder, stop it first: the embedded database "
                            + "admits one process at a time" : ""), e);
        }
    }

    static String rowsByTable(BackupSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.rows().forEach((table, rows) -> text.append(text.isEmpty() ? "" : ", ")
                .append(table).append(' ').append(String.format(Locale.ROOT, "%,d", rows)));
        return text.toString();
    }

    /** The audit log's subject column holds 64 characters. */
    static String truncate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading the size of " + file + " failed", e);
        }
    }
}
