package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tipx.api.release.ManifestJson;
import org.tipx.api.release.ReleaseBuilder;
import org.tipx.api.release.ReleaseCatalog;
import org.tipx.api.release.ReleaseException;
import org.tipx.api.release.ReleaseManifest;
import org.tipx.api.store.AuditEvent;
import org.tipx.api.store.StoredRelease;
import org.tipx.api.store.TipxStore;

/**
 * The Releases tag of the spec: the administrator freezes the current extracts into a release; anyone
 * reads the manifests and the anonymised microdata. Manifests go out as stored, byte for byte the JSON
 * frozen with the release.
 */
public final class ReleasesServiceImpl extends ReleasesService {

    private static final System.Logger LOG = System.getLogger(ReleasesServiceImpl.class.getName());
    private static final String CSV = "text/csv; charset=utf-8";

    private final TipxStore store;
    private final ReleaseBuilder builder;
    private final ReleaseCatalog catalog;
    private final Clock clock;

    public ReleasesServiceImpl(TipxStore store, ReleaseBuilder builder, ReleaseCatalog catalog, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void handleCreateRelease(ServerRequest request, ServerResponse response) {
        ReleaseManifest manifest;
        try {
            manifest = builder.build();
        } catch (ReleaseException e) {
            throw switch (e.reason()) {
                case NO_CURRENT_EXTRACTS -> ProblemException.conflict(
                        "There are no current extracts to release; agencies must upload first.");
                case CANNOT_ANONYMISE -> ProblemException.conflict("The current extracts hold too few persons for "
                        + "k-anonymous microdata; nothing was released.");
                case ID_CONFLICT -> ProblemException.conflict("Other releases were created at the same time; try again.");
                case UNSAFE_OUTPUT -> {
                    // The verifier's findings quote no cell value, so they may go to the log and the client.
                    LOG.log(System.Logger.Level.ERROR, "release refused: " + e.getMessage());
                    yield ProblemException.of(Status.INTERNAL_SERVER_ERROR_500, "release-unsafe",
                            "Release refused by the verifier", "Nothing was released: " + e.getMessage() + ".");
                }
            };
        }
        store.audit(new AuditEvent(clock.instant(), "admin", "release.create", manifest.id(), String.format(Locale.ROOT,
                "%d extracts, %d registrations, %d victims, %d suppressed", manifest.extracts().size(),
                manifest.counts().registrations(), manifest.counts().victims(),
                manifest.microdata().suppressedRecords())));
        response.header(HeaderNames.LOCATION, path(manifest.id()));
        sendJson(response, Status.CREATED_201, ManifestJson.write(manifest));
    }

    @Override
    protected void handleListReleases(ServerRequest request, ServerResponse response, Optional<String> ifNoneMatch) {
        // The list grows when a release is published, like latest.
        HttpCaching.send(request, response, Json.MEDIA_TYPE,
                ManifestJson.list(store.releases().stream().map(StoredRelease::manifest).toList())
                        .getBytes(StandardCharsets.UTF_8),
                HttpCaching.Policy.revalidateAfter(HttpCaching.LATEST_MAX_AGE), List.of());
    }

    @Override
    protected void handleGetRelease(ServerRequest request, ServerResponse response, String id,
                                    Optional<String> ifNoneMatch) {
        HttpCaching.send(request, response, Json.MEDIA_TYPE, release(id).manifest().getBytes(StandardCharsets.UTF_8),
                HttpCaching.Policy.forRelease(id), List.of());
    }

    @Override
    protected void handleGetReleaseMicrodata(ServerRequest request, ServerResponse response, String id,
                                             Optional<String> ifNoneMatch) {
        StoredRelease release = release(id);
        // A release's microdata never changes, so its id names the bytes: a 304 reads nothing from the store.
        String etag = HttpCaching.etag("microdata", release.id());
        HttpCaching.Policy policy = HttpCaching.Policy.forRelease(id);
        if (HttpCaching.matches(request, etag)) {
            HttpCaching.notModified(response, etag, policy, List.of());
            return;
        }
        HttpCaching.validators(response, etag, policy, List.of());
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, CSV);
        response.header(HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"tipx-release-" + release.id() + ".csv\"");
        try (OutputStream out = response.outputStream();
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            store.writeMicrodata(release.id(), writer);
        } catch (IOException e) {
            throw new UncheckedIOException("sending microdata failed", e);
        }
    }

    @Override
    public void afterStop() {
        // The generated default prints to standard output.
    }

    private StoredRelease release(String id) {
        return catalog.stored(id).orElseThrow(() -> ProblemException.notFound(
                "No such release; GET /v1/releases lists them, and 'latest' names the newest."));
    }

    static String path(String releaseId) {
        return AccessControl.RELEASES + "/" + releaseId;
    }

    private static void sendJson(ServerResponse response, Status status, String json) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, Json.MEDIA_TYPE);
        response.send(json.getBytes(StandardCharsets.UTF_8));
    }
}
