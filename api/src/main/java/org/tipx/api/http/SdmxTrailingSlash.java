package org.tipx.api.http;

import io.helidon.common.uri.UriPath;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Serves an SDMX path ending in {@code /} as the same path without it. R's rsdmx (0.6) ends every query
 * path with a slash ({@code dataflow/all/all/latest/}, {@code data/DF_THB/KEY/all/}), as some SDMX
 * services require; the routes and the spec keep one spelling. Registered before {@link HttpEdge}'s
 * route check, which would answer 404 to the slashed spelling.
 */
public final class SdmxTrailingSlash implements Filter {

    private static final String PREFIX = SdmxServiceImpl.PREFIX + "/";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        HttpPrologue prologue = req.prologue();
        String path = prologue.uriPath().path();
        if (path.startsWith(PREFIX) && path.length() > PREFIX.length() && path.endsWith("/")) {
            String trimmed = path.substring(0, path.length() - 1);
            req.prologue(HttpPrologue.create(prologue.rawProtocol(), prologue.protocol(), prologue.protocolVersion(),
                    prologue.method(), UriPath.create(trimmed), prologue.query(), prologue.fragment()));
        }
        chain.proceed();
    }
}
