package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.http.ExplorerService;

/** The explorer's page and files over HTTP: where they are served, with which policy and validators; nothing else. */
class ExplorerServiceTest {

    private static final Path SOURCES = Path.of(System.getProperty("user.dir"), "src", "main", "resources", "explorer");
    private static final Path DOCS = Path.of(System.getProperty("user.dir")).getParent().resolve("docs");

    @TempDir
    static Path dir;
    static RunningTipx server;

    @BeforeAll
    static void start() {
        server = RunningTipx.fresh(dir, 1024);
    }

    @AfterAll
    static void stop() {
        server.close();
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        server = null;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return server.send(server.request(path));
    }

    @Test
    void rootExploreAndItsViewsServeThePageWithItsOwnPolicy_onlyTheEmbedViewMayBeFramed() throws Exception {
        String page = null;
        for (String path : List.of("/", "/explore", "/explore?measure=rate&countries=MD", "/explore/method", "/explore/embed")) {
            HttpResponse<String> answer = get(path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("text/html; charset=utf-8", answer.headers().firstValue("Content-Type").orElseThrow(), path);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.startsWith("default-src 'self'; script-src 'self'"), policy);
            assertTrue(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
            assertTrue(policy.endsWith(path.equals("/explore/embed") ? "frame-ancestors *" : "frame-ancestors 'none'"), path);
            assertEquals(1, answer.headers().allValues("Content-Security-Policy").size(), "one policy, not the API's as well");
            page = page == null ? answer.body() : page;
            assertEquals(page, answer.body(), "one page, whose script reads the view from the URL");
        }
        assertTrue(!page.contains("<script>") && !page.contains(" style="), "no inline script or style for the policy to allow");
        assertEquals("default-src 'none'; frame-ancestors 'none'",
                get("/v1/dimensions").headers().firstValue("Content-Security-Policy").orElseThrow(), "the API keeps its own");
    }

    @Test
    void everyFileOfTheExplorerIsServedWithItsTypeAndAValidator_andNothingElse() throws Exception {
        Set<String> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        sources.remove("index.html");
        sources.add("method.md");
        sources.add("method.ru.md");
        assertEquals(sources, new TreeSet<>(ExplorerService.ASSETS), "every file in explorer/ (and the method text) is listed");
        for (String name : ExplorerService.ASSETS) {
            HttpResponse<String> answer = get("/explore/" + name);
            assertEquals(200, answer.statusCode(), name);
            String etag = answer.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = server.send(server.request("/explore/" + name).header("If-None-Match", etag));
            assertEquals(304, again.statusCode(), name);
        }
        assertEquals("text/javascript; charset=utf-8", get("/explore/explorer.js").headers().firstValue("Content-Type").orElseThrow());
        for (String missing : List.of("/explore/nothing.js", "/explore/..%2Fdb", "/explore/index.html.bak", "/explore/a/b")) {
            HttpResponse<String> answer = get(missing);
            assertEquals(404, answer.statusCode(), missing);
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow(), missing);
        }
        HttpResponse<String> head = server.send(server.request("/explore").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void theMethodPageIsTheRepositorysDocsMethodMd_oneSource() throws Exception {
        assertEquals(Files.readString(DOCS.resolve("method.md"), StandardCharsets.UTF_8), get("/explore/method.md").body());
        assertEquals(Files.readString(DOCS.resolve("method.ru.md"), StandardCharsets.UTF_8), get("/explore/method.ru.md").body());
    }
}
