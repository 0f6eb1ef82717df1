package org.tipx.api.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The paths the server answers and the methods each allows, recorded from the routes themselves (so they
 * cannot drift from what is served) plus the paths Helidon's own features serve. {@link HttpEdge} answers
 * from it what no route would: 404 for an unknown path, 405 for an unknown method, {@code OPTIONS}, and
 * {@code HEAD} wherever {@code GET} is. Immutable.
 */
public final class KnownRoutes {

    /** Served by Helidon's observe and OpenAPI features, not by routes: read-only, with their sub-paths. */
    private static final List<String> FEATURE_PATHS = List.of("/health", "/metrics", "/openapi");

    private final Map<String, Set<Method>> methodsByTemplate;
    private final Map<String, Pattern> patterns;

    private KnownRoutes(Map<String, Set<Method>> methodsByTemplate) {
        Map<String, Set<Method>> copy = new LinkedHashMap<>();
        Map<String, Pattern> compiled = new LinkedHashMap<>();
        methodsByTemplate.forEach((template, methods) -> {
            copy.put(template, Collections.unmodifiableSet(new LinkedHashSet<>(methods)));
            compiled.put(template, Pattern.compile(toRegex(template)));
        });
        this.methodsByTemplate = Collections.unmodifiableMap(copy);
        this.patterns = Collections.unmodifiableMap(compiled);
    }

    /**
     * The routes that {@code registration} adds, as "METHOD /template" (the spec's way of naming an
     * operation), without serving them and without the features' paths.
     */
    public static Set<String> operations(Consumer<HttpRules> registration) {
        Map<String, Set<Method>> methods = new LinkedHashMap<>();
        registration.accept(new Recorder("", methods));
        Set<String> operations = new LinkedHashSet<>();
        methods.forEach((template, verbs) -> verbs.forEach(method -> operations.add(method.text() + " " + template)));
        return operations;
    }

    /** Records the routes that {@code registration} adds, without serving them. */
    public static KnownRoutes record(Consumer<HttpRules> registration) {
        Map<String, Set<Method>> methods = new LinkedHashMap<>();
        registration.accept(new Recorder("", methods));
        for (String feature : FEATURE_PATHS) {
            methods.computeIfAbsent(feature, path -> new LinkedHashSet<>()).add(Method.GET);
            methods.computeIfAbsent(feature + "/{rest...}", path -> new LinkedHashSet<>()).add(Method.GET);
        }
        return new KnownRoutes(methods);
    }

    /**
     * The methods {@code path} answers, {@code HEAD} added wherever {@code GET} is and {@code OPTIONS}
     * everywhere; empty when nothing is served there.
     */
    public Optional<Set<Method>> allowed(String path) {
        Set<Method> found = new LinkedHashSet<>();
        patterns.forEach((template, pattern) -> {
            if (pattern.matcher(path).matches()) {
                found.addAll(methodsByTemplate.get(template));
            }
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.contains(Method.GET)) {
            found.add(Method.HEAD);
        }
        found.add(Method.OPTIONS);
        return Optional.of(Collections.unmodifiableSet(found));
    }

    /** The {@code Allow} header's value for these methods. */
    static String allowHeader(Set<Method> methods) {
        return methods.stream().map(Method::text).collect(Collectors.joining(", "));
    }

    /** {@code /v1/releases/{id}} matches one segment per parameter; {@code {rest...}} matches the rest. */
    private static String toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            if (part.equals("{rest...}")) {
                regex.append(".+");
            } else if (part.startsWith("{") && part.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return regex.toString();
    }

    /** Collects the method and path of every route a service registers. */
    private record Recorder(String prefix, Map<String, Set<Method>> methods) implements HttpRules {

        @Override
        public HttpRules register(HttpService... services) {
            for (HttpService service : services) {
                service.routing(this);
            }
            return this;
        }

        @Override
        public HttpRules register(String pathPattern, HttpService... services) {
            Recorder nested = new Recorder(prefix + pathPattern, methods);
            for (HttpService service : services) {
                service.routing(nested);
            }
            return this;
        }

        @Override
        public HttpRules route(Method method, String pathPattern, Handler handler) {
            // "/" under a prefix is the prefix itself; at the root it is the root.
            String path = pathPattern.equals("/") && !prefix.isEmpty() ? prefix : prefix + pathPattern;
            methods.computeIfAbsent(path, template -> new LinkedHashSet<>()).add(method);
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            throw new IllegalStateException("a route registered without a method and path pattern: " + route);
        }
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        methodsByTemplate.forEach((template, methods) -> lines.add(allowHeader(methods) + " " + template));
        return String.join("\n", lines);
    }
}
