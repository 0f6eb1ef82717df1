package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpPrologue;
import io.helidon.http.InternalServerException;
import io.helidon.http.Method;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What every answer shares, whatever route answers it: security headers, CORS for the public read
 * endpoints, and the answers no route gives. Two filters, because the rate limit sits between them: the
 * {@linkplain #headers() headers} go on every answer (a 429 too), the {@linkplain #routes(KnownRoutes) routes}
 * check runs after the rate limit, so that unknown paths are limited like any other.
 *
 * <p>Helidon 4.3 answers an unknown path with a {@code NotFoundException} that reached the catch-all error
 * handler as a 500 with a stack trace, and it has no {@code HEAD} or {@code OPTIONS} of its own; so
 * {@link KnownRoutes} decides here: 404 for an unknown path, 405 with {@code Allow} for an unknown method,
 * {@code OPTIONS} answered 204 with {@code Allow}, and {@code HEAD} served by the {@code GET} route with its
 * body discarded.
 */
public final class HttpEdge {

    /** Public to read, so open to pages of any origin; extracts, agencies, release jobs and microdata are not. */
    private static final List<String> CORS_PATHS = List.of("/v1/statistics", "/v1/tables", "/v1/dimensions",
            "/v1/indicators", "/v1/datasets", "/v1/config", "/v1/comparisons", "/v1/countries", "/v1/releases",
            SdmxServiceImpl.PREFIX);
    /** What a script on another origin may read beyond the CORS-safelisted headers. */
    static final String EXPOSED_HEADERS = "ETag, Tipx-Release, RateLimit, RateLimit-Policy, Retry-After, "
            + "Deprecation, Sunset, Link";
    /** Request headers a cross-origin page may send: content negotiation and revalidation, never a token. */
    static final String ALLOWED_REQUEST_HEADERS = "Accept, Accept-Language, If-None-Match";
    /** A JSON API renders nothing: no script, style, frame or plugin has a reason to load from its answers. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private HttpEdge() {
    }

    /**
     * Security headers on every answer, CORS headers on reads of the public endpoints, and the connection
     * closed once an answer announced {@code Connection: close}.
     */
    public static Filter headers() {
        return (chain, req, res) -> {
            res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
            res.header("Referrer-Policy", "no-referrer");
            res.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            if (crossOriginReadable(req.prologue().method(), req.prologue().uriPath().path())) {
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
                res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            }
            try {
                chain.proceed();
            } catch (CloseConnectionException | UncheckedIOException | RequestException
                     | InternalServerException e) {
                // The connection's own failures (a ServerConnectionException is a CloseConnectionException),
                // and Helidon's wrappers, which its error handling unwraps.
                throw e;
            } catch (RuntimeException e) {
                // Answered here rather than by the routing's error handlers, which run after this filter has
                // returned and so after the moment the connection can still be closed.
                Problems.handle(req, res, e);
            }
            if (res.headers().contains(HeaderValues.CONNECTION_CLOSE)) {
                // Helidon 4.3 writes "Connection: close" (asked by the client, or set by tipx on a refusal it
                // did not read the body of) and then waits on the socket for a next request until its idle
                // timeout; this exception is its own way to end the connection now, with nothing logged.
                throw new CloseConnectionException("Connection: close was announced");
            }
        };
    }

    /** 404, 405, {@code OPTIONS} and {@code HEAD} from the known routes; everything else goes on to its route. */
    public static Filter routes(KnownRoutes known) {
        Objects.requireNonNull(known, "known");
        return (chain, req, res) -> route(known, chain, req, res);
    }

    private static void route(KnownRoutes known, FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Method method = req.prologue().method();
        String path = req.prologue().uriPath().path();
        Optional<Set<Method>> allowed = known.allowed(path);
        if (allowed.isEmpty()) {
            Problems.send(req, res, ProblemException.notFound("Nothing is served at this path; the API is under "
                    + "/v1 and described at /openapi."));
            return;
        }
        String allow = KnownRoutes.allowHeader(allowed.get());
        if (method.equals(Method.OPTIONS)) {
            res.header(HeaderNames.ALLOW, allow);
            if (crossOriginReadable(method, path)) {
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS");
                res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_REQUEST_HEADERS);
                res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
            }
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        if (!allowed.get().contains(method)) {
            res.header(HeaderNames.ALLOW, allow);
            Problems.send(req, res, ProblemException.of(Status.METHOD_NOT_ALLOWED_405, "method-not-allowed",
                    "Method not allowed", "This path answers " + allow + "."));
            return;
        }
        if (method.equals(Method.HEAD)) {
            HttpPrologue head = req.prologue();
            req.prologue(HttpPrologue.create(head.rawProtocol(), head.protocol(), head.protocolVersion(), Method.GET,
                    head.uriPath(), head.query(), head.fragment()));
            res.streamFilter(HttpEdge::withoutBody);
        }
        chain.proceed();
    }

    /** Passes flush and close through (they end the answer) and drops the bytes of the body. */
    private static OutputStream withoutBody(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
            }
        };
    }

    /** Reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) of the public endpoints, but not the microdata. */
    static boolean crossOriginReadable(Method method, String path) {
        if (!method.equals(Method.GET) && !method.equals(Method.HEAD) && !method.equals(Method.OPTIONS)) {
            return false;
        }
        if (path.endsWith("/microdata")) {
            return false;
        }
        return CORS_PATHS.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
