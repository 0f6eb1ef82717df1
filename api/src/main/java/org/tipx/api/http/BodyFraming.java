package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;

/**
 * Refuses, before anything reads a body, requests whose framing is ambiguous (RFC 9112, 6.3): more than one
 * {@code Content-Length}, a negative one, or {@code Content-Length} together with {@code Transfer-Encoding} (the
 * request smuggling shapes). Helidon 4.3 answers these with 500 or reads them by its first header. Also
 * refuses unread any body declared larger than the JSON limit, except on the upload route, which has its own.
 * The answers close the connection: the body is not read. Stateless.
 */
public final class BodyFraming implements Filter {

    private final int maxJsonBytes;

    public BodyFraming(int maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        List<String> lengths = req.headers().all(HeaderNames.CONTENT_LENGTH, List::of);
        String problem = null;
        if (lengths.size() > 1) {
            problem = "More than one Content-Length.";
        } else if (!lengths.isEmpty() && req.headers().contains(HeaderNames.TRANSFER_ENCODING)) {
            problem = "Both Content-Length and Transfer-Encoding.";
        } else if (!lengths.isEmpty() && !lengths.getFirst().strip().matches("[0-9]{1,18}")) {
            problem = "Content-Length is not a non-negative number.";
        }
        if (problem != null) {
            res.header(HeaderValues.CONNECTION_CLOSE);
            Problems.send(req, res, ProblemException.badRequest(problem + " The request is refused unread."));
            return;
        }
        if (!lengths.isEmpty() && Long.parseLong(lengths.getFirst().strip()) > maxJsonBytes
                && !req.prologue().uriPath().path().equals(AccessControl.EXTRACTS)) {
            res.header(HeaderValues.CONNECTION_CLOSE);
            Problems.send(req, res, payloadTooLarge(maxJsonBytes));
            return;
        }
        chain.proceed();
    }

    static ProblemException payloadTooLarge(int maxJsonBytes) {
        return ProblemException.of(Status.REQUEST_ENTITY_TOO_LARGE_413, "payload-too-large", "Body too large",
                "Request bodies other than extracts are limited to " + maxJsonBytes + " bytes; the request was refused.");
    }
}
