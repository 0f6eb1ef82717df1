package org.tipx.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipx.api.store.AuditEvent;
import org.tipx.api.store.BackupSummary;
import org.tipx.api.store.TipxStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipx restore FILE}: a backup into the configured store, which must be new and empty. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a backup written by 'tipx backup' into the store, which must be empty (a new data "
                + "folder or database; tipx creates the schema first): every table as it was, in one transaction. "
                + "A damaged backup, another schema version or a store with data is refused and nothing is written. "
                + "The pseudonymisation secret is not in the backup: restore it separately (docs/operations.md).",
                "Exit 0 restored, 1 refused or failed (the store is unchanged)."})
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "A backup file written by 'tipx backup'.")
    Path file;

    @Override
    public Integer call() {
        BackupSummary summary;
        try (TipxStore store = BackupCommand.open(storeOptions)) {
            summary = store.restore(file);
            // After the restore, so the restored audit log is the backed-up one plus this line.
            store.audit(new AuditEvent(Clock.systemUTC().instant(), "cli", "backup.restore",
                    BackupCommand.truncate(file.getFileName().toString()), String.format(Locale.ROOT,
                            "%d rows, backup of %s", summary.totalRows(), summary.created())));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "restored %s (taken %s, schema version %s) into the %s: %s%n", file,
                summary.created(), summary.schemaVersion(), storeOptions.describe(),
                BackupCommand.rowsByTable(summary));
        out.flush();
        return 0;
    }
}
