package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.validation.ValidationException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipx.api.http.model.Problem;
import org.tipx.api.store.StoreUnavailableException;
import org.tipx.api.logging.LogText;

/**
 * Writes every error of the API as RFC 9457 {@code application/problem+json}. Problem types are URNs
 * ({@code urn:tipx:problem:<slug>}), listed with their meaning in the README.
 */
public final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:tipx:problem:";
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    /*
     * The generated checks' wording, read only at the start of their message: a parameter name comes from
     * the spec and precedes any client value, so a value holding such a phrase cannot pass for a name.
     */
    private static final String FIRST_ERROR = "^Validation errors: FATAL: ";
    /** A missing or empty required parameter. */
    private static final Pattern MISSING = Pattern.compile(
            FIRST_ERROR + "(?:Missing required param|Empty required parameter): ([A-Za-z_][A-Za-z0-9_-]*)(?: at |$)");
    /** A value outside an enumeration. */
    private static final Pattern NOT_LISTED = Pattern.compile(FIRST_ERROR + "Invalid value ([A-Za-z_][A-Za-z0-9_-]*) = ");
    /** A value that does not match the parameter's pattern, or violates its bounds. */
    private static final Pattern MALFORMED = Pattern.compile(FIRST_ERROR + "Parameter ([A-Za-z_][A-Za-z0-9_-]*) ");

    /**
     * The generated parameter checks' refusal as a problem that names the parameter: their own message
     * holds a class name and may quote the client's value, so it is never sent.
     */
    static ProblemException refusal(ValidationException e) {
        String message = String.valueOf(e.getMessage());
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            String name = missing.group(1);
            return ProblemException.badRequest("Parameter " + name + " is required.").about(name);
        }
        Matcher notListed = NOT_LISTED.matcher(message);
        if (notListed.find()) {
            String name = notListed.group(1);
            return ProblemException.badRequest("Parameter " + name + " is not one of its allowed values (see /openapi).")
                    .about(name);
        }
        Matcher malformed = MALFORMED.matcher(message);
        if (malformed.find()) {
            String name = malformed.group(1);
            return ProblemException.badRequest("Parameter " + name + " is not written as the operation defines it "
                    + "(see /openapi).").about(name);
        }
        return ProblemException.badRequest("A parameter's value is not valid for this operation (see /openapi).");
    }

    /**
     * Registers the error mapping on a routing, for failures outside {@link HttpEdge#headers()}, which answers
     * the others itself with {@link #handle}.
     */
    public static void register(HttpRouting.Builder routing) {
        routing.error(Exception.class, Problems::handle);
    }

    /** Answers a failure as a problem: tipx's own refusals as they are, anything unexpected as a 500 with an incident id. */
    static void handle(ServerRequest req, ServerResponse res, Exception e) {
        switch (e) {
            case ProblemException problem -> send(req, res, problem);
            // The generated parameter checks throw ValidationException.
            case ValidationException invalid -> send(req, res, refusal(invalid));
            case StoreUnavailableException unavailable -> sendUnavailable(req, res);
            // Helidon's own refusals (no route matches the path: 404); their messages quote the request, so not sent.
            case HttpException http when http.status().code() == Status.NOT_FOUND_404.code() ->
                    send(req, res, ProblemException.notFound("Nothing is served at this path."));
            case HttpException http when http.status().family() == Status.Family.CLIENT_ERROR ->
                    send(req, res, ProblemException.of(http.status(), "bad-request", "Bad request",
                            "The server refused the request."));
            default -> internal(req, res, e);
        }
    }

    private static void internal(ServerRequest req, ServerResponse res, Exception e) {
        if (StoreOutage.causedBy(e)) {
            sendUnavailable(req, res);
            return;
        }
        // The client gets an incident id, never the exception text: it might quote internals.
        String incident = UUID.randomUUID().toString();
        // The path escaped (a client chooses it), the exception without its message (LogPrivacy).
        LOG.log(System.Logger.Level.ERROR, "incident " + incident + " on " + req.prologue().method().text()
                + " " + LogText.oneLine(req.prologue().uriPath().path()), e);
        send(req, res, ProblemException.of(Status.INTERNAL_SERVER_ERROR_500, "internal",
                "Internal error", "The server failed; incident " + incident + " is in its log."));
    }

    /** The store's outage: 503 with Retry-After and no log line (the store logs the outage once). */
    private static void sendUnavailable(ServerRequest req, ServerResponse res) {
        if (!res.isSent()) {
            StoreOutage.retryAfter(res);
        }
        send(req, res, StoreOutage.problem());
    }

    static void send(ServerRequest req, ServerResponse res, ProblemException e) {
        if (res.isSent()) {
            return;
        }
        Problem problem = new Problem();
        problem.setType(TYPE_PREFIX + e.slug());
        problem.setTitle(e.title());
        problem.setStatus(e.status().code());
        problem.setDetail(e.getMessage());
        problem.setInstance(req.prologue().uriPath().path());
        // Only an invalid extract lists errors; elsewhere the member is left out, not sent empty.
        problem.setErrors(e.errors().isEmpty() ? null : e.errors());
        if (e.truncated()) {
            problem.setTruncated(true);
        }
        e.parameter().ifPresent(problem::setParameter);
        if (req.content().hasEntity() && !req.content().consumed()) {
            // The rest of the body will not be read: reading it to reuse the connection could take forever
            // (a trickle) or cost a 50 MiB transfer to answer a 401.
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        if (e.status().code() == Status.UNAUTHORIZED_401.code()) {
            res.header(HeaderValues.create(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"tipx\""));
        }
        Json.send(res, e.status(), MEDIA_TYPE, problem);
    }
}
