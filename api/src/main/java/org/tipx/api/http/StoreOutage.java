package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.tipx.api.store.StoreUnavailableException;

/**
 * What the API answers while the store cannot reach its database: {@code 503} problem+json of type
 * {@code urn:tipx:problem:unavailable} with {@code Retry-After}, on every endpoint that needs the store,
 * and {@code Retry-After} on the {@code 503} of {@code /health}. Nothing is logged per request: the
 * store logs one line when the database goes away and one when it is back.
 *
 * <p>As a filter it covers {@code /health}, which Helidon's health observer answers: Helidon 4.3 has no
 * hook to add a header to a response another handler writes, so the filter asks the store itself first
 * and sets the header on a failed answer. Thread-safe.
 */
public final class StoreOutage implements Filter {

    /** A few seconds: a restarting PostgreSQL is usually back within them, and clients do not hammer it. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final String HEALTH = "/health";

    private final BooleanSupplier storeAnswers;

    /** @param storeAnswers asks the store whether it answers (its ping) */
    public StoreOutage(BooleanSupplier storeAnswers) {
        this.storeAnswers = Objects.requireNonNull(storeAnswers, "storeAnswers");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().path();
        if ((path.equals(HEALTH) || path.startsWith(HEALTH + "/")) && !storeAnswers.getAsBoolean()) {
            retryAfter(res);
        }
        chain.proceed();
    }

    /** The problem answered for a call the store could not serve. */
    static ProblemException problem() {
        return ProblemException.of(Status.SERVICE_UNAVAILABLE_503, "unavailable", "Service unavailable",
                "The database is out of reach; nothing was changed. Try again after Retry-After seconds.");
    }

    static void retryAfter(ServerResponse res) {
        res.header(HeaderNames.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    }

    /** The store's outage behind {@code e}, if it is one: handlers and libraries may have wrapped it. */
    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
