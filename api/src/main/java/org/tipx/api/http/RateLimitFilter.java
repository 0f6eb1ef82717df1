package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Objects;

/**
 * Rate-limits anonymous reads of the public API per client address and labels every public answer
 * with {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers); a
 * refused request gets {@code 429} problem+json with {@code Retry-After}. Limited is every request
 * outside the token-protected extracts and agencies that is anonymous (no {@code Authorization}
 * header), whatever its path or method (unknown paths too, so that no path lets a client flood the
 * server or its log), or a read ({@code GET}, {@code HEAD}); writes with a token (the administrator's)
 * are never limited here.
 *
 * <p>The client is the TCP peer's address: behind a reverse proxy, limit there instead (or every
 * client shares the proxy's bucket). Thread-safe.
 */
public final class RateLimitFilter implements Filter {

    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";

    private final RateLimiter limiter;
    private final String policyHeader;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.policyHeader = limiter.policy().headerValue();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!limited(req.prologue().method(), req.prologue().uriPath().path(),
                req.headers().contains(HeaderNames.AUTHORIZATION))) {
            chain.proceed();
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(req.remotePeer().host());
        res.header(RATE_LIMIT_POLICY, policyHeader);
        res.header(RATE_LIMIT, "\"" + limiter.policy().name() + "\";r=" + decision.remaining()
                + ";t=" + decision.resetSeconds());
        if (!decision.allowed()) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            Problems.send(req, res, ProblemException.of(Status.TOO_MANY_REQUESTS_429, "too-many-requests",
                    "Too many requests", "This address has used its " + limiter.policy().quota() + " requests per "
                            + limiter.policy().window().toSeconds() + " s; retry after "
                            + decision.retryAfterSeconds() + " s."));
            return;
        }
        chain.proceed();
    }

    /** True for the requests the limit applies to: anonymous ones and reads, outside the token-protected paths. */
    static boolean limited(Method method, String path, boolean carriesToken) {
        if (under(path, AccessControl.EXTRACTS) || under(path, AccessControl.AGENCIES)) {
            return false;
        }
        return !carriesToken || method.equals(Method.GET) || method.equals(Method.HEAD);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
