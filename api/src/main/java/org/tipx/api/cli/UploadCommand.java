package org.tipx.api.cli;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipx.api.domain.Period;
import org.tipx.api.http.model.Extract;
import org.tipx.api.http.model.Problem;
import org.tipx.api.http.model.ValidationError;
import org.tipx.api.ingest.ExtractFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Uploads an extract to a tipx server with the agency's token, showing progress on large files.",
                "Exit status: 0 stored (or identical to the current extract), 1 rejected or failed, 2 usage error."})
final class UploadCommand implements Callable<Integer> {

    /** Files above this size show a progress line on standard error. */
    private static final long PROGRESS_THRESHOLD = 1L << 20;
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** A server address that swallows packets would otherwise keep the command waiting for ever. */
    private static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(20);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The extract (.csv or .ndjson).")
    Path file;

    @Option(names = "--period", required = true, paramLabel = "YYYY-Qn", converter = PeriodConverter.class,
            description = "The reporting quarter, e.g. 2026-Q3.")
    Period period;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The tipx server, e.g. http://localhost:8080.")
    URI server;

    @Option(names = "--token-file", required = true, paramLabel = "FILE",
            description = "File holding the agency's token (kept out of the command line and shell history).")
    Path tokenFile;

    @Option(names = "--format", paramLabel = "csv|ndjson", description = "Format of FILE (default: from its extension).")
    ExtractFormat format;

    @Option(names = "--no-cases", description = {"Declares that the agency had no cases in the period: FILE is the "
            + "CSV header alone (samples/extract-template.csv) or an empty NDJSON file, and becomes the period's "
            + "current extract with 0 rows.",
            "Without it the server refuses an extract with no record, so that an export that lost its rows "
                    + "cannot replace the real one."})
    boolean noCases;

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI target = ServerUrl.extracts(spec, server, period, noCases);
        ExtractFormat actual = FormatOption.resolve(spec, format, requireFile());
        long size = requireContent(actual);
        String token = readToken();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, size, size >= PROGRESS_THRESHOLD);
        // The client refuses a declared length of 0 (an empty NDJSON file for a quarter without cases).
        HttpRequest.BodyPublisher body = size == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> progress.wrap(open())), size);
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", actual.mediaType())
                .POST(body)
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("upload failed: cannot reach " + server + " (" + ServerUrl.unreachable(e) + "): check "
                    + "--server and that tipx serve runs there; nothing was uploaded");
            return 1;
        }
        progress.done();
        try {
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                Extract extract = JSONB.fromJson(response.body(), Extract.class);
                out.printf("%s: %s %s, %d rows for %s by %s%n", file, status == 201 ? "stored as" : "unchanged, already",
                        extract.getId(), extract.getRows(), extract.getPeriod(), extract.getAgency());
                if (extract.getReplaces() != null) {
                    out.printf("It replaces %s, the agency's earlier extract for %s, which is no longer current.%n",
                            extract.getReplaces(), extract.getPeriod());
                }
                if (status == 201) {
                    // Statistics answer from releases only: an agency otherwise waits for figures that cannot move yet.
                    out.println("The public statistics change only at the next release (POST /v1/releases or "
                            + "tipx release).");
                }
                return 0;
            }
            Problem problem = JSONB.fromJson(response.body(), Problem.class);
            if (problem == null || problem.getTitle() == null || problem.getDetail() == null) {
                // JSON, but not a problem document: another service answers at that address.
                err.printf("%s: unexpected answer %d from %s: is it a tipx server? Nothing was uploaded.%n", file,
                        status, server);
                return 1;
            }
            err.printf("%s: %d %s: %s%n", file, status, problem.getTitle(), problem.getDetail());
            for (ValidationError e : problem.getErrors() == null ? List.<ValidationError>of() : problem.getErrors()) {
                err.printf("  row %d, %s [%s]: %s%n", e.getRow(), e.getField().isEmpty() ? "(row)" : e.getField(),
                        e.getCode(), e.getMessage());
            }
            return 1;
        } catch (JsonbException e) {
            err.printf("%s: unexpected answer %d from %s: is it a tipx server? Nothing was uploaded.%n", file,
                    response.statusCode(), server);
            return 1;
        }
    }

    /** The extract's path, once it is known to be a readable file; else a usage error (exit 2). */
    private Path requireFile() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": no such file (or not "
                    + "readable); give the path of the extract to upload.");
        }
        return file;
    }

    /**
     * The file's size, once it is known to be worth sending; else a usage error (exit 2). Only a declared
     * quarter without cases in NDJSON may be empty: a CSV extract always starts with its header.
     */
    private long requireContent(ExtractFormat actual) throws IOException {
        long size = Files.size(file);
        if (size == 0 && !(noCases && actual == ExtractFormat.NDJSON)) {
            throw new ParameterException(spec.commandLine(), file + " is empty: an extract starts with its header "
                    + "row (CSV) or holds one JSON object per line (NDJSON); export it again. For a quarter "
                    + "without cases, upload the header alone (samples/extract-template.csv) with --no-cases.");
        }
        return size;
    }

    private InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String readToken() throws IOException {
        if (!Files.isReadable(tokenFile)) {
            throw new ParameterException(spec.commandLine(), "Cannot read the token file " + tokenFile + ".");
        }
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new ParameterException(spec.commandLine(), "The token file " + tokenFile + " must hold one token.");
        }
        return token;
    }

    /** A progress line on standard error, redrawn at most every 2 % of the file. */
    private static final class Progress {
        private final PrintWriter err;
        private final long total;
        private final boolean shown;
        private long sent;
        private int lastPercent = -1;

        Progress(PrintWriter err, long total, boolean shown) {
            this.err = err;
            this.total = total;
            this.shown = shown;
        }

        InputStream wrap(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        advance(n);
                    }
                    return n;
                }
            };
        }

        private void advance(long bytes) {
            sent += bytes;
            int percent = total == 0 ? 100 : (int) (sent * 100 / total);
            if (shown && percent >= lastPercent + 2) {
                lastPercent = percent;
                err.printf(Locale.ROOT, "\ruploading %.1f / %.1f MB (%d%%)", sent / 1e6, total / 1e6, percent);
                err.flush();
            }
        }

        void done() {
            if (shown) {
                err.printf(Locale.ROOT, "\ruploaded %.1f MB (100%%)%n", total / 1e6);
                err.flush();
            }
        }
    }
}
