package org.tipx.api.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.tipx.api.ingest.ExtractFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --format}, or else the file's extension. */
final class FormatOption {

    private FormatOption() {
    }

    static ExtractFormat resolve(CommandSpec spec, ExtractFormat given, Path file) {
        if (given != null) {
            return given;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return ExtractFormat.CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return ExtractFormat.NDJSON;
        }
        throw new ParameterException(spec.commandLine(),
                "Cannot tell the format of " + file + " from its name: add --format csv or --format ndjson.");
    }
}
