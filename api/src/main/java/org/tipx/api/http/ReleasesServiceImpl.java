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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tipx.api.format.ManifestJson;
import org.tipx.api.release.ReleaseCatalog;
import org.tipx.api.release.ReleaseJobs;
import org.tipx.api.release.ReleaseReader;
import org.tipx.api.store.StoredRelease;
import org.tipx.api.store.TipxStore;

/**
 * The Releases tag of the spec: the administrator starts a release job that freezes the current extracts
 * into a release ({@link ReleaseJobsServiceImpl} follows it); anyone reads the manifests, each reader the
 * view of them its token entitles it to ({@link ManifestJson#view}: the administrator the stored JSON byte
 * for byte); registered readers (agencies, the administrator) read the anonymised microdata.
 * {@link AccessControl} has identified the reader before a handler runs.
 *
 * <p>Caching: every manifest answer carries {@code Vary: Authorization}, since the representation depends
 * on it. Anonymous answers are cached as before ({@code ETag} of the public bytes, {@code public}); answers
 * to a token are {@code private, no-store}, so no cache hands an agency's or the administrator's view on.
 */
public final class ReleasesServiceImpl extends ReleasesService {

    private static final String CSV = "text/csv; charset=utf-8";
    /** Every answer here depends on who asks. */
    private static final List<String> VARY = List.of("Authorization");

    private final TipxStore store;
    private final ReleaseJobs jobs;
    private final ReleaseCatalog catalog;

    public ReleasesServiceImpl(TipxStore store, ReleaseJobs jobs, ReleaseCatalog catalog) {
        this.store = Objects.requireNonNull(store, "store");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Queues a build (or finds the one under way) and answers at once: {@code 202} with the job. A second
     * POST while a job is queued or running gets that same job rather than a {@code 409}: the build under
     * way makes the release the administrator asked for, and a client that retries after a timeout lands
     * on the job it started instead of an error.
     */
    @Override
    protected void handleCreateRelease(ServerRequest request, ServerResponse response) {
        ReleaseJobs.Submission submission = jobs.submit("admin");
        ReleaseJobsServiceImpl.send(response, Status.ACCEPTED_202, submission.job());
    }

    @Override
    protected void handleListReleases(ServerRequest request, ServerResponse response, Optional<String> ifNoneMatch) {
        ReleaseReader reader = AccessControl.releaseReader(request);
        // The list grows when a release is published, like latest.
        HttpCaching.send(request, response, Json.MEDIA_TYPE,
                ManifestJson.list(store.releases().stream().map(r -> ManifestJson.view(r.manifest(), reader)).toList())
                        .getBytes(StandardCharsets.UTF_8),
                policy(reader, HttpCaching.Policy.revalidateAfter(HttpCaching.LATEST_MAX_AGE)), VARY);
    }

    @Override
    protected void handleGetRelease(ServerRequest request, ServerResponse response, String id,
                                    Optional<String> ifNoneMatch) {
        ReleaseReader reader = AccessControl.releaseReader(request);
        HttpCaching.send(request, response, Json.MEDIA_TYPE,
                ManifestJson.view(release(id).manifest(), reader).getBytes(StandardCharsets.UTF_8),
                policy(reader, HttpCaching.Policy.forRelease(id)), VARY);
    }

    /**
     * The microdata, for registered readers only: its counts are exact within their generalisation, so handing
     * it to everyone would undo the perturbation of the public statistics. {@link AccessControl} refused an
     * anonymous request before this runs; the check here keeps that true should the routing change.
     */
    @Override
    protected void handleGetReleaseMicrodata(ServerRequest request, ServerResponse response, String id,
                                             Optional<String> ifNoneMatch) {
        ReleaseReader reader = AccessControl.releaseReader(request);
        if (!reader.mayReadMicrodata()) {
            throw ProblemException.unauthorized("The microdata is for registered users: send an agency token or the "
                    + "admin token (Authorization: Bearer ...).");
        }
        StoredRelease release = release(id);
        // A release's microdata never changes, so its id names the bytes: a 304 reads nothing from the store.
        String etag = HttpCaching.etag("microdata", release.id());
        HttpCaching.Policy policy = HttpCaching.Policy.forOneReader();
        if (HttpCaching.matches(request, etag)) {
            HttpCaching.notModified(response, etag, policy, VARY);
            return;
        }
        HttpCaching.validators(response, etag, policy, VARY);
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

    /** The anonymous reader's answers follow {@code shared}; a token's answer is for its reader alone. */
    private static HttpCaching.Policy policy(ReleaseReader reader, HttpCaching.Policy shared) {
        return reader.anonymous() ? shared : HttpCaching.Policy.forOneReader();
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
}
