package org.tipx.api.privacy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to a public endpoint as a path and parameters in the order given (the order is part of the
 * spelling). Values are URL-encoded ({@code 48+} must not become a space); commas are kept. Immutable.
 */
record Query(String path, Map<String, String> parameters) {

    Query {
        Objects.requireNonNull(path, "path");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static Query statistics() {
        return new Query("/v1/statistics", Map.of());
    }

    static Query of(String path) {
        return new Query(path, Map.of());
    }

    Query with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new Query(path, more);
    }

    /** A filter on {@code dimension} listing {@code codes} in the order given. */
    Query filter(String dimension, Collection<String> codes) {
        return with(dimension, String.join(",", codes));
    }

    Query filter(String dimension, String code) {
        return with(dimension, code);
    }

    /** Filters on the target's own code in each of {@code dimensions}. */
    Query filtersOf(KnownTarget target, List<String> dimensions) {
        Query q = this;
        for (String d : dimensions) {
            q = q.filter(d, target.code(d));
        }
        return q;
    }

    Query by(String... dimensions) {
        return with("by", String.join(",", dimensions));
    }

    Query release(String release) {
        return with("release", release);
    }

    Query onPath(String otherPath) {
        return new Query(otherPath, parameters);
    }

    String pathAndQuery() {
        if (parameters.isEmpty()) {
            return path;
        }
        StringBuilder s = new StringBuilder(path).append('?');
        boolean first = true;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!first) {
                s.append('&');
            }
            first = false;
            s.append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8).replace("%2C", ","));
        }
        return s.toString();
    }
}
