package org.tipx.api.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data explorer for journalists: a hand-written page (HTML, CSS, ES modules, message files and the
 * method text) served from the jar's {@code explorer/} resources at {@code /}, {@code /explore} and
 * {@code /explore/{asset}}. The page reads only the public API, so it can never show more than the API does.
 *
 * <p>Every file is read once, at start, into memory with its ETag: a fixed list, so that no request can
 * name a resource outside it. The pages get their own Content-Security-Policy ({@code 'self'} only, no inline
 * script); the API keeps its {@code default-src 'none'}. Only the embed view may be framed by other sites.
 */
public final class ExplorerService implements HttpService {

    /** The explorer's files under {@code explorer/} in the jar, by the name they are served at. */
    public static final List<String> ASSETS = List.of("explorer.css", "explorer.js", "chart.js", "api.js",
            "view.js", "markdown.js", "messages-en.json", "messages-ru.json", "method.md", "method.ru.md",
            "icon.svg");
    /** Views of the one page, each reproducible from its URL (see docs/explorer.md). */
    static final List<String> PAGES = List.of("method", "embed");

    /** Scripts, styles and data from tipx only; images also from the chart the page draws (PNG download). */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
    static final String FRAME_NOWHERE = "; frame-ancestors 'none'";
    /** The embed view is meant to be shown inside other sites' pages. */
    static final String FRAME_ANYWHERE = "; frame-ancestors *";

    /** The page revalidates on every load (a new tipx version changes it); the files it names may be reused a while. */
    private static final HttpCaching.Policy PAGE_CACHING = HttpCaching.Policy.revalidateAfter(Duration.ZERO);
    private static final HttpCaching.Policy ASSET_CACHING = HttpCaching.Policy.revalidateAfter(Duration.ofMinutes(5));

    private final byte[] page;
    private final Map<String, byte[]> assets;

    private ExplorerService(byte[] page, Map<String, byte[]> assets) {
        this.page = page;
        this.assets = assets;
    }

    /** Reads the page and its files from the class path; a missing one is a broken build. */
    public static ExplorerService load() {
        Map<String, byte[]> assets = new LinkedHashMap<>();
        for (String name : ASSETS) {
            assets.put(name, resource(name));
        }
        return new ExplorerService(resource("index.html"), Collections.unmodifiableMap(assets));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> sendPage(req, res, false))
                .get("/explore", (req, res) -> sendPage(req, res, false))
                .get("/explore/{asset}", this::asset);
    }

    private void asset(ServerRequest request, ServerResponse response) {
        String name = request.path().pathParameters().get("asset");
        if (PAGES.contains(name)) {
            sendPage(request, response, name.equals("embed"));
            return;
        }
        byte[] body = assets.get(name);
        if (body == null) {
            throw ProblemException.notFound("The explorer has no such file; open it at /explore.");
        }
        response.header("Content-Security-Policy", PAGE_POLICY + FRAME_NOWHERE);
        HttpCaching.send(request, response, mediaType(name), body, ASSET_CACHING, List.of());
    }

    private void sendPage(ServerRequest request, ServerResponse response, boolean embeddable) {
        // The edge's Referrer-Policy (no-referrer) stays: a permalink's view is not passed on to other sites.
        response.header("Content-Security-Policy", PAGE_POLICY + (embeddable ? FRAME_ANYWHERE : FRAME_NOWHERE));
        HttpCaching.send(request, response, "text/html; charset=utf-8", page, PAGE_CACHING, List.of());
    }

    static String mediaType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json";
            case "md" -> "text/markdown; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> throw new IllegalArgumentException("no media type for " + name);
        };
    }

    private static byte[] resource(String name) {
        String path = "explorer/" + name;
        try (InputStream in = Optional.ofNullable(ExplorerService.class.getClassLoader().getResourceAsStream(path))
                .orElseThrow(() -> new IllegalStateException("the jar lacks " + path))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
