package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.tipx.api.http.model.Problem;
import org.tipx.api.http.model.ReleaseJob;
import org.tipx.api.release.ReleaseJobs;

/**
 * The ReleaseJobs tag of the spec: the state of a release build started by {@code POST /v1/releases},
 * for the administrator (access control holds the path). Also the one mapping from a stored job to its
 * wire form, which the Releases service answers a POST with.
 */
public final class ReleaseJobsServiceImpl extends ReleaseJobsService {

    static final String RELEASE_JOBS = "/v1/release-jobs";

    private final ReleaseJobs jobs;

    public ReleaseJobsServiceImpl(ReleaseJobs jobs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    @Override
    protected void handleGetReleaseJob(ServerRequest request, ServerResponse response, String id) {
        org.tipx.api.store.ReleaseJob job = jobs.job(id).orElseThrow(() -> ProblemException.notFound(
                "No such release job; POST /v1/releases answers with the Location of the one it starts."));
        Json.send(response, Status.OK_200, model(job));
    }

    @Override
    public void afterStop() {
        // The generated default prints to standard output.
    }

    /** Answers {@code status} with the job and its {@code Location}. */
    static void send(ServerResponse response, Status status, org.tipx.api.store.ReleaseJob job) {
        response.header(HeaderNames.LOCATION, RELEASE_JOBS + "/" + job.id());
        Json.send(response, status, model(job));
    }

    static ReleaseJob model(org.tipx.api.store.ReleaseJob job) {
        ReleaseJob model = new ReleaseJob();
        model.setId(job.id());
        model.setState(ReleaseJob.StateEnum.fromValue(job.state().id()));
        model.setRequestedBy(job.requestedBy());
        model.setQueued(time(job.queued()));
        job.started().map(ReleaseJobsServiceImpl::time).ifPresent(model::setStarted);
        job.finished().map(ReleaseJobsServiceImpl::time).ifPresent(model::setFinished);
        job.releaseId().ifPresent(releaseId -> {
            model.setReleaseId(releaseId);
            model.setRelease(ReleasesServiceImpl.path(releaseId));
        });
        job.problem().ifPresent(p -> model.setProblem(problem(p)));
        return model;
    }

    /** The problem as the POST would have answered it when releases were built while the request waited. */
    private static Problem problem(org.tipx.api.store.ReleaseJob.Problem stored) {
        Status status = switch (stored.type()) {
            case "conflict" -> Status.CONFLICT_409;
            case "unavailable" -> Status.SERVICE_UNAVAILABLE_503;
            default -> Status.INTERNAL_SERVER_ERROR_500; // release-unsafe, internal
        };
        String title = switch (stored.type()) {
            case "conflict" -> "Conflict";
            case "unavailable" -> "Service unavailable";
            case "release-unsafe" -> "Release refused by the verifier";
            default -> "Internal error";
        };
        Problem problem = new Problem();
        problem.setType(Problems.TYPE_PREFIX + stored.type());
        problem.setTitle(title);
        problem.setStatus(status.code());
        problem.setDetail(stored.detail());
        return problem;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
