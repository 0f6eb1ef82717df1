package org.tipx.api.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipx.api.release.ReleaseBuilder;
import org.tipx.api.release.ReleaseJobs;
import org.tipx.api.release.ReleaseManifest;
import org.tipx.api.release.ReleaseSettings;
import org.tipx.api.store.TipxStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tipx release}: what {@code POST /v1/releases} does, on the configured store, without a server. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Freezes the current extracts of the store into a new immutable release (manifest and "
                + "k-anonymised microdata, checked by the independent verifier) and prints a summary.",
                "Builds in this process, as a release job of the store: while another build (POST /v1/releases "
                        + "on a server, or another tipx release) is queued or running on the same store, it refuses.",
                "Exit 0 released, 1 nothing released (no current extracts, another build under way, or the "
                        + "verifier refused it)."})
final class ReleaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--k", paramLabel = "K", defaultValue = "11",
            description = "Smallest equivalence class of the microdata (default: ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() {
        ReleaseSettings settings = ReleaseSettings.DEFAULTS.withK(k);
        ReleaseManifest manifest;
        try (TipxStore store = storeOptions.open(System.getenv())) {
            Clock clock = Clock.systemUTC();
            // As a job of the store, so that it never builds at the same time as a server sharing the store.
            manifest = new ReleaseJobs(store, new ReleaseBuilder(store, settings, clock), clock).runHere("cli");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "release %s: %,d victims, %,d registrations from %d extracts; microdata k = %d, "
                        + "%,d suppressed (%.1f %%; CTDC: %.0f %%)%n", manifest.id(), manifest.counts().victims(),
                manifest.counts().registrations(), manifest.extracts().size(), manifest.microdata().k(),
                manifest.microdata().suppressedRecords(), 100 * manifest.microdata().suppressedShare(),
                100 * manifest.microdata().ctdcSuppressedShare());
        out.flush();
        return 0;
    }
}
