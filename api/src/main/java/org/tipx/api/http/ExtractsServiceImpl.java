package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tipx.api.domain.Period;
import org.tipx.api.http.model.Extract;
import org.tipx.api.http.model.ExtractList;
import org.tipx.api.http.model.ValidationError;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractTooLargeException;
import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.store.Agency;
import org.tipx.api.store.StoredExtract;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TokenWithdrawnException;
import org.tipx.api.upload.ExtractUploads;
import org.tipx.api.upload.UploadResult;

/** The Extracts tag of the spec: agencies upload and read back their own extracts. */
public final class ExtractsServiceImpl extends ExtractsService {

    /** How much more than the limit a refused upload is read, so that its client sees the 413 (see {@link #discard}). */
    static final long SWALLOWED_BYTES = 2L * 1024 * 1024;

    private final TipxStore store;
    private final ExtractUploads uploads;
    private final long maxUploadBytes;
    private final Clock clock;
    private final HttpLimits limits;
    private final UploadSlots slots;

    /** @param limits the body read timeout, minimum rate and concurrent uploads (per agency, in all) */
    public ExtractsServiceImpl(TipxStore store, ExtractUploads uploads, long maxUploadBytes, Clock clock,
                               HttpLimits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.maxUploadBytes = maxUploadBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.slots = new UploadSlots(limits.uploadsPerAgency(), limits.uploadsInAll());
    }

    @Override
    protected void uploadExtract(ServerRequest request, ServerResponse response) {
        // tipx reads the query itself: the generated checks take no_cases=yes for false, refuse an empty body
        // as a missing parameter, and word their refusals for programmers.
        UploadQuery query = UploadQuery.parse(request.query(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        // An empty body is an extract with nothing in it: the validator says what it lacks (missing_header for
        // CSV, no_records for NDJSON), as docs/extract-validation.md promises, and nothing is stored.
        InputStream body = request.content().hasEntity() ? request.content().inputStream() : InputStream.nullInputStream();
        upload(request, response, query, body);
    }

    @Override
    protected void handleUploadExtract(ServerRequest request, ServerResponse response, String periodText,
                                       InputStream body, Optional<Boolean> noCases) {
        upload(request, response, UploadQuery.parse(request.query(), LocalDate.now(clock.withZone(ZoneOffset.UTC))),
                body);
    }

    @SuppressWarnings("try") // the upload slot is held for the body's whole read, never used by name
    private void upload(ServerRequest request, ServerResponse response, UploadQuery query, InputStream body) {
        Agency agency = AccessControl.agency(request);
        Period period = query.period();
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        ExtractFormat format = ExtractFormat.fromMediaType(contentType).orElseThrow(() -> ProblemException.of(
                Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported-media-type", "Unsupported media type",
                "Send the extract as text/csv or application/x-ndjson, not '" + abbreviate(contentType) + "'."));
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxUploadBytes) {
            if (declared.getAsLong() <= maxUploadBytes + SWALLOWED_BYTES) {
                discard(body);
            }
            throw tooLarge(maxUploadBytes);
        }
        UploadResult result;
        try (UploadSlots.Slot slot = slots.acquire(agency.id(), response);
             PacedBody paced = PacedBody.of(body, limits)) {
            result = uploads.upload(agency, period, query.declaration(), format, paced);
        } catch (ExtractTooLargeException e) {
            discard(body);
            throw tooLarge(e.limit());
        } catch (TokenWithdrawnException e) {
            throw ProblemException.unauthorized("The agency's token was rotated or revoked during the upload; "
                    + "nothing was stored.");
        }
        switch (result) {
            case UploadResult.Created created -> {
                response.header(HeaderNames.LOCATION, AccessControl.EXTRACTS + "/" + created.extract().id());
                Json.send(response, Status.CREATED_201, toModel(created.extract()));
            }
            case UploadResult.Unchanged unchanged -> Json.send(response, Status.OK_200, toModel(unchanged.extract()));
            case UploadResult.Rejected rejected -> throw invalid(rejected.outcome());
        }
    }

    @Override
    protected void handleListExtracts(ServerRequest request, ServerResponse response) {
        Agency agency = AccessControl.agency(request);
        List<Extract> items = store.extracts(agency.id()).stream().map(ExtractsServiceImpl::toModel).toList();
        Json.send(response, Status.OK_200, new ExtractList(items));
    }

    @Override
    protected void handleGetExtract(ServerRequest request, ServerResponse response, String id) {
        Agency agency = AccessControl.agency(request);
        // Another agency's extract answers exactly like a missing one: ids reveal nothing.
        StoredExtract extract = store.extract(id)
                .filter(found -> found.agency().equals(agency.id()))
                .orElseThrow(() -> ProblemException.notFound("No extract '" + abbreviate(id) + "' for this agency."));
        Json.send(response, Status.OK_200, toModel(extract));
    }

    @Override
    public void afterStop() {
        // The generated default prints to standard output.
    }

    /**
     * Reads and drops at most {@link #SWALLOWED_BYTES} more of a refused body. A client that sends its whole
     * body before reading the answer (the JDK's HttpClient, curl) gets a connection reset instead of the 413
     * when the server closes with unread data on the socket; a body that ends within the allowance is read to
     * its end, so the answer arrives and the connection stays usable. A longer one is still cut off
     * ({@link Problems} announces {@code Connection: close} for a body not read to its end).
     */
    private static void discard(InputStream body) {
        byte[] buffer = new byte[16 * 1024];
        long left = SWALLOWED_BYTES;
        try {
            for (int n; left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException | UncheckedIOException e) {
            // The client went away or stalled: nothing more to read, and the refusal still stands.
        }
    }

    private static ProblemException tooLarge(long limit) {
        return ProblemException.of(Status.REQUEST_ENTITY_TOO_LARGE_413, "extract-too-large", "Extract too large",
                "Extracts are limited to " + limit + " bytes; nothing was stored. Split the period's extract "
                        + "or ask the operator to raise tipx.upload.max-bytes.");
    }

    private static ProblemException invalid(IngestOutcome outcome) {
        List<ValidationError> errors = outcome.problems().stream()
                .map(p -> new ValidationError(p.row(), p.field(), p.code(), p.message()))
                .toList();
        String detail = "The extract has " + outcome.problemCount() + " problem" + (outcome.problemCount() == 1 ? "" : "s")
                + "; nothing of it was stored." + (outcome.truncated() ? " Only the first " + errors.size() + " are listed." : "");
        return new ProblemException(Status.create(422, "Unprocessable Content"), "invalid-extract", "Invalid extract",
                detail, errors, outcome.truncated());
    }

    static Extract toModel(StoredExtract e) {
        Extract model = new Extract();
        model.setId(e.id());
        model.setAgency(e.agency());
        model.setPeriod(e.period().toString());
        model.setRows(e.rows());
        model.setLinkedRows(e.linkedRows());
        model.setMediaType(e.mediaType());
        model.setSha256(e.sha256());
        model.setUploaded(e.uploaded().atOffset(ZoneOffset.UTC));
        model.setCurrent(e.current());
        model.setReplaces(e.replaces().orElse(null));
        return model;
    }

    /** Echoes client input in messages only briefly. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
