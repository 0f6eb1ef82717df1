package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.Objects;
import java.util.Optional;
import org.tipx.api.release.ReleaseReader;
import org.tipx.api.store.Agency;
import org.tipx.api.store.TipxStore;

/**
 * Authenticates every request under {@code /v1/extracts} (an agency token) and {@code /v1/agencies},
 * {@code /v1/release-jobs} and {@code POST /v1/releases} (the admin token) before any handler reads a body, so an anonymous caller learns nothing but 401.
 * The authenticated agency travels in the request context.
 *
 * <p>Reads under {@code /v1/releases} are open to anyone, but what they answer depends on the reader
 * ({@link ReleaseReader}, also in the context): no {@code Authorization} header is the anonymous reader;
 * otherwise the header must carry the admin token or a valid agency token, else {@code 401} (a client
 * should learn that its token is bad rather than quietly get the public view). The microdata is for
 * registered readers only: an anonymous request for it is answered {@code 401} here, before the release
 * is looked up. A server without {@code TIPX_ADMIN_TOKEN} still accepts agency tokens there. Other public
 * read endpoints pass untouched.
 */
public final class AccessControl implements Filter {

    static final String EXTRACTS = "/v1/extracts";
    static final String AGENCIES = "/v1/agencies";
    static final String RELEASES = "/v1/releases";

    private final TipxStore store;
    private final Optional<String> adminTokenHash;

    /** @param adminTokenHash hash of {@code TIPX_ADMIN_TOKEN}; empty disables the admin endpoints (403) */
    public AccessControl(TipxStore store, Optional<String> adminTokenHash) {
        this.store = Objects.requireNonNull(store, "store");
        this.adminTokenHash = Objects.requireNonNull(adminTokenHash, "adminTokenHash");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().path();
        try {
            if (under(path, EXTRACTS)) {
                Agency agency = bearer(req).flatMap(token -> store.agencyByTokenHash(Tokens.hash(token)))
                        .orElseThrow(() -> ProblemException.unauthorized(
                                "This endpoint needs a valid agency token (Authorization: Bearer ...)."));
                req.context().register(agency);
            } else if (under(path, AGENCIES) || under(path, ReleaseJobsServiceImpl.RELEASE_JOBS)
                    || (under(path, RELEASES) && !readOnly(req.prologue().method()))) {
                requireAdmin(req);
            } else if (under(path, RELEASES)) {
                ReleaseReader reader = authenticateReader(req);
                if (microdata(path) && !reader.mayReadMicrodata()) {
                    throw ProblemException.unauthorized("The microdata is for registered users: send an agency token "
                            + "or the admin token (Authorization: Bearer ...). The public statistics and the manifest "
                            + "need none.");
                }
                req.context().register(reader);
            }
        } catch (ProblemException e) {
            Problems.send(req, res, e);
            return;
        }
        chain.proceed();
    }

    private void requireAdmin(RoutingRequest req) {
        String token = bearer(req).orElseThrow(() -> ProblemException.unauthorized(
                "This endpoint needs the admin token (Authorization: Bearer ...)."));
        String expected = adminTokenHash.orElseThrow(() -> ProblemException.forbidden(
                "Administration is disabled: the server was started without TIPX_ADMIN_TOKEN."));
        if (!Tokens.sameHash(Tokens.hash(token), expected)) {
            throw ProblemException.unauthorized("The admin token is not valid.");
        }
    }

    /**
     * The reader of a release: anonymous without an {@code Authorization} header; the administrator or an
     * agency by its token; any other header is refused, whatever the server's admin configuration.
     */
    private ReleaseReader authenticateReader(RoutingRequest req) {
        if (!req.headers().contains(HeaderNames.AUTHORIZATION)) {
            return ReleaseReader.ANONYMOUS;
        }
        String hash = bearer(req).map(Tokens::hash).orElseThrow(() -> ProblemException.unauthorized(
                "Send an agency token or the admin token as Authorization: Bearer ..., or no Authorization header "
                        + "for the public view."));
        if (adminTokenHash.filter(expected -> Tokens.sameHash(hash, expected)).isPresent()) {
            return ReleaseReader.ADMIN;
        }
        return store.agencyByTokenHash(hash).map(agency -> ReleaseReader.agency(agency.id()))
                .orElseThrow(() -> ProblemException.unauthorized("The token is neither a valid agency token nor the "
                        + "admin token; send none for the public view."));
    }

    /** {@code /v1/releases/{id}/microdata}. */
    private static boolean microdata(String path) {
        return path.startsWith(RELEASES + "/") && path.endsWith("/microdata");
    }

    /** Releases are public to read; every other method on them (creating one) is the administrator's. */
    private static boolean readOnly(Method method) {
        return method.equals(Method.GET) || method.equals(Method.HEAD) || method.equals(Method.OPTIONS);
    }

    /** The agency that the filter authenticated for this request. */
    static Agency agency(ServerRequest req) {
        return req.context().get(Agency.class)
                .orElseThrow(() -> new IllegalStateException("AccessControl did not run for " + req.prologue().uriPath().path()));
    }

    /** Who reads a release in this request, as the filter found it. */
    static ReleaseReader releaseReader(ServerRequest req) {
        return req.context().get(ReleaseReader.class)
                .orElseThrow(() -> new IllegalStateException("AccessControl did not run for " + req.prologue().uriPath().path()));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .filter(token -> !token.isEmpty());
    }
}
