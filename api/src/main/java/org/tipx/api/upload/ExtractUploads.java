package org.tipx.api.upload;

import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.tipx.api.domain.Period;
import org.tipx.api.ingest.Declaration;
import org.tipx.api.ingest.ExtractContext;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.pseudonym.Pseudonymiser;
import org.tipx.api.store.Agency;
import org.tipx.api.store.AuditEvent;
import org.tipx.api.store.StoredExtract;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TokenWithdrawnException;

/**
 * The upload path shared by the HTTP API and the demo loader: validate and pseudonymise while
 * streaming into an uncommitted write, then commit only a valid extract that differs from the current
 * one. Nothing of a rejected or identical upload outlives the call.
 */
public final class ExtractUploads {

    private final TipxStore store;
    private final ExtractIngestor ingestor;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;

    public ExtractUploads(TipxStore store, ExtractIngestor ingestor, Pseudonymiser pseudonymiser, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Uploads one extract of {@code agency} for {@code period}.
     *
     * @throws org.tipx.api.ingest.ExtractTooLargeException when the body exceeds the size limit (nothing stored)
     * @throws TokenWithdrawnException when the agency's token was rotated or revoked before the commit (nothing stored)
     */
    public UploadResult upload(Agency agency, Period period, ExtractFormat format, InputStream body) {
        return upload(agency, period, Declaration.RECORDS, format, body);
    }

    /**
     * Uploads one extract of {@code agency} for {@code period}, with what the agency declares it holds:
     * {@link Declaration#NO_CASES} stores an extract without records as the quarter's current one.
     *
     * @throws org.tipx.api.ingest.ExtractTooLargeException when the body exceeds the size limit (nothing stored)
     * @throws TokenWithdrawnException when the agency's token was rotated or revoked before the commit (nothing stored)
     */
    public UploadResult upload(Agency agency, Period period, Declaration declaration, ExtractFormat format,
                               InputStream body) {
        ExtractContext context = new ExtractContext(agency.id(), agency.country(), period, declaration);
        try (TipxStore.ExtractWrite write = store.beginExtract(agency.id(), period, format.mediaType())) {
            IngestOutcome outcome = ingestor.ingest(body, format, context, pseudonymiser, write::add);
            if (!outcome.valid()) {
                audit(agency, period.toString(), "rejected: " + outcome.problemCount() + " problems");
                return new UploadResult.Rejected(outcome);
            }
            // Idempotency is judged against the current extract only: re-sending an older version
            // after a newer one is a real change and becomes current again.
            Optional<StoredExtract> current = store.currentExtract(agency.id(), period);
            if (current.isPresent() && current.get().sha256().equals(outcome.sha256())) {
                audit(agency, current.get().id(), "unchanged");
                return new UploadResult.Unchanged(current.get());
            }
            StoredExtract stored;
            try {
                stored = write.commit(outcome.sha256());
            } catch (TokenWithdrawnException e) {
                audit(agency, period.toString(), "refused: token rotated or revoked during the upload");
                throw e;
            }
            audit(agency, stored.id(), "stored " + stored.rows() + " rows for " + period
                    + stored.replaces().map(previous -> ", replaces " + previous).orElse(""));
            return new UploadResult.Created(stored);
        }
    }

    private void audit(Agency agency, String subject, String detail) {
        store.audit(new AuditEvent(clock.instant(), agency.id(), "extract.upload", subject, detail));
    }
}
