package org.tipx.api.http;

import io.helidon.http.Status;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tipx.api.http.model.ValidationError;

/**
 * An HTTP error answered as RFC 9457 problem details. Thrown by handlers, written by {@link Problems}.
 * Its texts go to the client: they never carry a token, a direct identifier or record contents. Its slug is
 * the short name of the problem type, the last segment of {@code type}.
 */
public final class ProblemException extends RuntimeException {

    private final Status status;
    private final String slug;
    private final String title;
    private final List<ValidationError> errors;
    private final boolean truncated;
    private final Optional<String> parameter;

    ProblemException(Status status, String slug, String title, String detail,
                     List<ValidationError> errors, boolean truncated) {
        this(status, slug, title, detail, errors, truncated, Optional.empty());
    }

    private ProblemException(Status status, String slug, String title, String detail,
                             List<ValidationError> errors, boolean truncated, Optional<String> parameter) {
        super(detail, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
        this.truncated = truncated;
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /** The same problem, naming the query parameter it is about (the {@code parameter} member). */
    ProblemException about(String queryParameter) {
        return new ProblemException(status, slug, title, getMessage(), errors, truncated, Optional.of(queryParameter));
    }

    static ProblemException of(Status status, String slug, String title, String detail) {
        return new ProblemException(status, slug, title, detail, List.of(), false);
    }

    static ProblemException badRequest(String detail) {
        return of(Status.BAD_REQUEST_400, "bad-request", "Bad request", detail);
    }

    static ProblemException unauthorized(String detail) {
        return of(Status.UNAUTHORIZED_401, "unauthorized", "Authentication required", detail);
    }

    static ProblemException forbidden(String detail) {
        return of(Status.FORBIDDEN_403, "forbidden", "Not allowed", detail);
    }

    static ProblemException notFound(String detail) {
        return of(Status.NOT_FOUND_404, "not-found", "Not found", detail);
    }

    static ProblemException conflict(String detail) {
        return of(Status.CONFLICT_409, "conflict", "Conflict", detail);
    }

    public Status status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<ValidationError> errors() {
        return errors;
    }

    public boolean truncated() {
        return truncated;
    }

    /** The query parameter the problem is about, if any. */
    public Optional<String> parameter() {
        return parameter;
    }
}
