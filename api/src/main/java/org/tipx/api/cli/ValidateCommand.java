package org.tipx.api.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.tipx.api.domain.Period;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.Declaration;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.ingest.ValidationProblem;
import org.tipx.api.pseudonym.HmacPseudonymiser;
import org.tipx.api.pseudonym.PseudonymSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks an extract offline with the server's own validator and prints every problem.",
                "Exit status: 0 valid, 1 invalid, 2 usage error. Nothing is sent anywhere."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The extract (.csv or .ndjson).")
    Path file;

    @Option(names = "--period", required = true, paramLabel = "YYYY-Qn", converter = PeriodConverter.class,
            description = "The reporting quarter the extract is for, e.g. 2026-Q3.")
    Period period;

    @Option(names = "--format", paramLabel = "csv|ndjson",
            description = "Format of FILE (default: from its extension).")
    ExtractFormat format;

    @Option(names = "--no-cases", description = {"The agency had no cases in the period: FILE is the CSV header "
            + "alone (or an empty NDJSON file), as for upload --no-cases.",
            "Without it an extract with no record is invalid, as on the server."})
    boolean noCases;

    @Override
    public Integer call() throws IOException {
        ExtractFormat actual = FormatOption.resolve(spec, format, file);
        ExtractIngestor ingestor = new ExtractIngestor(
                new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(), Clock.systemUTC()), Long.MAX_VALUE);
        IngestOutcome outcome;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            // A throwaway secret: whether a row links depends on its identifiers, not on the secret.
            byte[] secret = new byte[PseudonymSecret.MIN_BYTES];
            new SecureRandom().nextBytes(secret);
            outcome = ingestor.validate(in, actual, period, noCases ? Declaration.NO_CASES : Declaration.RECORDS,
                    new HmacPseudonymiser(PseudonymSecret.ofBytes(secret)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (outcome.valid()) {
            out.printf("%s: valid, %d rows (%d with direct identifiers) for %s%n", file, outcome.rows(), outcome.linkedRows(), period);
            return 0;
        }
        report(out, file.toString(), outcome);
        return 1;
    }

    /** The same rows the API's 422 answer lists, one per line. */
    static void report(PrintWriter out, String source, IngestOutcome outcome) {
        out.printf("%s: invalid, %d problem%s; nothing would be stored%n", source, outcome.problemCount(),
                outcome.problemCount() == 1 ? "" : "s");
        for (ValidationProblem p : outcome.problems()) {
            out.printf("  row %d, %s [%s]: %s%n", p.row(), p.field().isEmpty() ? "(row)" : p.field(), p.code(), p.message());
        }
        if (outcome.truncated()) {
            out.printf("  ... %d more not listed%n", outcome.problemCount() - outcome.problems().size());
        }
    }
}
