package org.tipx.api.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.tipx.api.domain.Period;
import org.tipx.api.pseudonym.Pseudonymiser;

/**
 * Reads an extract in one streaming pass and applies the case-record contract to every row, all-or-nothing.
 *
 * <p>Memory stays constant apart from 32 to 64 bytes per distinct {@code record_id} (for duplicates): the body is
 * never buffered whole, no cell or line is kept beyond 65,536 characters, and the body's size and SHA-256 are
 * taken as it streams. The sink receives each valid record only while no problem has been found; after the first
 * problem the extract is still read to the end, to report every problem, but nothing more reaches the sink. The caller therefore stages what the sink receives and keeps it
 * only if the outcome is {@link IngestOutcome#valid() valid} (and discards it on any exception).
 *
 * <p>Direct identifiers go only to the {@link Pseudonymiser}; they are never in a problem, an exception or a log.
 * Stateless and thread-safe: one instance serves concurrent uploads.
 */
public final class ExtractIngestor {

    private static final System.Logger LOG = System.getLogger(ExtractIngestor.class.getName());

    private final ExtractValidator validator;
    private final long maxBytes;

    /** @param maxBytes the largest body accepted, in bytes; reading one byte more throws {@link ExtractTooLargeException} */
    public ExtractIngestor(ExtractValidator validator, long maxBytes) {
        this.validator = Objects.requireNonNull(validator, "validator");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Validates and pseudonymises an upload, handing each valid record to the sink while the extract is free of
     * problems. Does not close the body.
     *
     * @throws ExtractTooLargeException as soon as more than {@code maxBytes} have been read
     * @throws UncheckedIOException     when the body cannot be read
     */
    public IngestOutcome ingest(InputStream body, ExtractFormat format, ExtractContext context,
                                Pseudonymiser pseudonymiser, RecordSink sink) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        Objects.requireNonNull(sink, "sink");
        try (PseudonymisingStage stage = new PseudonymisingStage(pseudonymiser, context, sink)) {
            IngestOutcome read = read(body, format, context.period(), context.declaration(), stage::offer);
            stage.finish();
            return new IngestOutcome(read.rows(), stage.linkedRows(), read.bytes(), read.sha256(), read.problems(),
                    read.problemCount(), read.truncated());
        }
    }

    /**
     * Applies the same rules without storing anything (the offline CLI check): no agency, so
     * {@code country_of_identification} simply stays empty when not given, and no linked-row count. Does not
     * close the body.
     *
     * @throws ExtractTooLargeException as soon as more than {@code maxBytes} have been read
     * @throws UncheckedIOException     when the body cannot be read
     */
    public IngestOutcome validate(InputStream body, ExtractFormat format, Period period) {
        Objects.requireNonNull(period, "period");
        return read(body, format, period, Declaration.RECORDS, row -> false);
    }

    /**
     * {@link #validate(InputStream, ExtractFormat, Period)}, counting the rows whose direct identifiers
     * {@code pseudonymiser} links, as an upload would: whether a row links depends on its identifiers, not on
     * the secret, so the offline check and the server agree. Nothing is stored.
     */
    public IngestOutcome validate(InputStream body, ExtractFormat format, Period period, Pseudonymiser pseudonymiser) {
        return validate(body, format, period, Declaration.RECORDS, pseudonymiser);
    }

    /** As {@link #validate(InputStream, ExtractFormat, Period, Pseudonymiser)}, with the upload's declaration. */
    public IngestOutcome validate(InputStream body, ExtractFormat format, Period period, Declaration declaration,
                                  Pseudonymiser pseudonymiser) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        return read(body, format, period, declaration,
                row -> pseudonymiser.pseudonymise("validate", row.recordId(), row.identifiers()).linked());
    }

    private IngestOutcome read(InputStream body, ExtractFormat format, Period period, Declaration declaration,
                               ExtractRun.ValidRowHandler handler) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(declaration, "declaration");
        MeteredInputStream metered = new MeteredInputStream(body, maxBytes);
        Reader text = new InputStreamReader(metered, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        ExtractRun run = new ExtractRun(validator, period, declaration, handler);
        try {
            try {
                boolean readAsExtract = switch (format) {
                    case CSV -> CsvExtract.read(text, run);
                    case NDJSON -> {
                        NdjsonExtract.read(text, run);
                        yield true;
                    }
                };
                if (readAsExtract) {
                    run.finish();
                }
            } catch (CharacterCodingException e) {
                // The decoder reads ahead, so the row is not known precisely: report it against the file.
                run.problems().add(0, "", "invalid_encoding",
                        "the extract is not valid UTF-8 (found after " + run.rows() + " rows)");
            }
            metered.drain();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the extract body", e);
        }
        Problems problems = run.problems();
        IngestOutcome outcome = new IngestOutcome(run.rows(), run.linkedRows(), metered.bytes(),
                metered.sha256Hex(), problems.kept(), problems.count(), problems.truncated());
        LOG.log(System.Logger.Level.DEBUG, "read {0} extract for {1}: {2} rows, {3} bytes, {4} problems",
                format, period, outcome.rows(), outcome.bytes(), outcome.problemCount());
        return outcome;
    }
}
