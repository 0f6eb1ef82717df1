package org.tipx.api.cli;

import io.helidon.webserver.WebServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tipx.api.http.Tokens;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.sample.SampleAgency;
import org.tipx.api.sample.SampleExtract;
import org.tipx.api.sample.SyntheticExtracts;
import org.tipx.api.server.Tipx;
import org.tipx.api.store.Agency;
import org.tipx.api.store.StoredRelease;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;
import org.tipx.api.upload.UploadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts tipx with the embedded store, loads the synthetic sample extracts and prints URLs to try.",
                "Everything lives in --data: the embedded PostgreSQL database, a generated pseudonymisation secret, the demo "
                        + "admin token and one token per sample agency. Running it again reuses them."})
public final class DemoCommand implements Callable<Integer> {

    /** The sample is fixed so that every demo shows the same figures. */
    static final long SAMPLE_SEED = 20261123L;

    /**
     * The comparison the demo prints: the sample's countries over its years, whose rates have a
     * (carried-forward) population and whose last year, half reported, is flagged PARTIAL_PERIOD.
     */
    static final String COMPARISON = "/v1/comparisons?indicator=victims_per_100k&countries=UA,MD,PL";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "demo-data",
            description = "Demo data folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // Before the database starts and the sample loads: a taken port would waste a minute of both.
        Ports.requireFree("0.0.0.0", port);
        Files.createDirectories(dataDir);
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dataDir.resolve("pseudonym.secret"));
        String adminToken = Optional.ofNullable(System.getenv("TIPX_ADMIN_TOKEN"))
                .orElseGet(() -> readOrCreateToken(dataDir.resolve("admin.token")));
        TipxStore store = TipxStores.embedded(dataDir);
        Tipx tipx = new Tipx(store, secret, Optional.of(adminToken), Tipx.DEFAULT_MAX_UPLOAD_BYTES, Clock.systemUTC());
        int stored = loadSample(tipx, dataDir, out);
        // A first release, so the public statistics answer at once; a rerun keeps the one it made.
        String release = store.latestRelease().map(StoredRelease::id)
                .orElseGet(() -> tipx.releaseJobs().runHere("demo").id());
        WebServer server = ServeCommand.startOrClose(tipx, "0.0.0.0", port);
        String base = "http://localhost:" + server.port();
        Path someToken = dataDir.resolve("tokens").resolve(SyntheticExtracts.agencies().getFirst().id() + ".token");
        out.printf("""
                tipx demo: %d sample extracts stored (%s)
                  %s/explore                 the data explorer (charts, tables, permalinks; how to read the figures)
                  %s/health                  readiness (the store answers)
                  %s/openapi                 the API's OpenAPI document
                  %s/metrics                 metrics
                  %s/v1/releases/latest      release %s: its manifest (microdata at .../microdata, with a token as below)
                  %s/v1/statistics?by=sex,year&format=csv
                  %s%s
                  %s/v1/indicators           the indicators for monitoring a referral mechanism, defined
                  %s/v1/countries/MD/profile one country's indicators beside its region (add ?format=csv)
                  curl -H "Authorization: Bearer $(cat %s)" %s/v1/extracts
                  ./tipx upload samples/extract-sample.csv --period 2026-Q3 --server %s --token-file %s
                Admin token: %s (or TIPX_ADMIN_TOKEN). Stop with Ctrl-C.
                """, stored, dataDir.toAbsolutePath(), base, base, base, base, base, release, base, base, COMPARISON,
                base, base, someToken, base, base, someToken,
                dataDir.resolve("admin.token"));
        out.flush();
        ServeCommand.awaitShutdown(server, tipx);
        return 0;
    }

    /**
     * Registers the sample agencies (once) and uploads their extracts through the API's own upload path; public
     * so that tests run against the demo's own data (the explorer's browser test).
     */
    public static int loadSample(Tipx tipx, Path dataDir, PrintWriter out) throws IOException {
        TipxStore store = tipx.store();
        Path tokens = Files.createDirectories(dataDir.resolve("tokens"));
        for (SampleAgency sample : SyntheticExtracts.agencies()) {
            if (store.agency(sample.id()).isEmpty()) {
                String token = Tokens.newToken();
                store.createAgency(new Agency(sample.id(), sample.name(), sample.country(), sample.type(),
                        Clock.systemUTC().instant(), true), Tokens.hash(token));
                writeSecretFile(tokens.resolve(sample.id() + ".token"), token);
            }
        }
        int stored = 0;
        for (SampleExtract extract : new SyntheticExtracts(SAMPLE_SEED).generate()) {
            Agency agency = store.agency(extract.agency().id()).orElseThrow();
            UploadResult result = tipx.uploads().upload(agency, extract.period(), ExtractFormat.CSV,
                    new ByteArrayInputStream(extract.csvBytes()));
            switch (result) {
                case UploadResult.Created c -> stored++;
                case UploadResult.Unchanged u -> stored++;
                case UploadResult.Rejected r -> {
                    ValidateCommand.report(out, "sample " + agency.id() + " " + extract.period(), r.outcome());
                    throw new IllegalStateException("the synthetic sample failed validation");
                }
            }
        }
        return stored;
    }

    private static String readOrCreateToken(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String token = Tokens.newToken();
            writeSecretFile(file, token);
            return token;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes a token readable by its owner only (POSIX 0600) where the file system supports it. */
    private static void writeSecretFile(Path file, String content) throws IOException {
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
