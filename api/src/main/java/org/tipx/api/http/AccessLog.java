package org.tipx.api.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Locale;
import org.tipx.api.logging.LogText;

/**
 * One line per request: method, path, status, duration, remote address. Deliberately no headers and no
 * query string: the Authorization header holds tokens, and we keep the log free of anything secret by
 * construction rather than by redaction. The path is the client's choice: control characters in it (a
 * {@code %0a} decodes to a line feed) are escaped, so it cannot start a forged line.
 */
public final class AccessLog implements Filter {

    private static final System.Logger LOG = System.getLogger("org.tipx.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            if (LOG.isLoggable(System.Logger.Level.INFO)) {
                LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "%s %s %d %.1fms %s",
                        req.prologue().method().text(), LogText.oneLine(req.prologue().uriPath().path()), res.status().code(),
                        (System.nanoTime() - start) / 1e6, req.remotePeer().host()));
            }
        }
    }
}
