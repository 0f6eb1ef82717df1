package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tipx.api.cli.DemoCommand;

/**
 * The data explorer in a real browser (Debian's headless Chromium) against a server holding the demo's
 * sample and its first release: what the page shows is held against what the API answers. One server and
 * one browser for the class; every wait is on a condition, bounded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir"), "target", "explorer-screenshots");
    private static final Path AXE = Path.of(System.getProperty("user.dir"), "src", "test", "js", "node_modules",
            "axe-core", "axe.min.js");

    @TempDir
    static Path dir;
    static RunningTipx server;
    static ChromeDriver chrome;
    static String release;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        downloads = Files.createDirectories(dir.resolve("downloads"));
        // The browser first: without one the class skips before loading a sample it would not use.
        chrome = Browser.start(downloads, 1280, 1000);
        server = RunningTipx.fresh(dir, org.tipx.api.server.Tipx.DEFAULT_MAX_UPLOAD_BYTES);
        StringWriter out = new StringWriter();
        DemoCommand.loadSample(server.tipx(), dir, new PrintWriter(out));
        release = server.tipx().releaseJobs().runHere("demo").id();
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
        if (server != null) {
            server.close();
        }
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        server = null;
    }

    private static String url(String pathAndQuery) {
        return server.base().resolve(pathAndQuery).toString();
    }

    /** Waits until the page has drawn (or refused) a view whose query contains every one of {@code parts}. */
    private static void awaitView(String... parts) {
        new WebDriverWait(chrome, WAIT).until(driver -> {
            WebElement body = driver.findElement(By.tagName("body"));
            String state = body.getDomAttribute("data-state");
            String view = Optional.ofNullable(body.getDomAttribute("data-view")).orElse("");
            return ("ready".equals(state) || "refused".equals(state)) && Stream.of(parts).allMatch(view::contains);
        });
    }

    private static JsonObject apiJson(String pathAndQuery) throws Exception {
        HttpResponse<String> answer = server.send(server.request(pathAndQuery));
        assertEquals(200, answer.statusCode(), pathAndQuery + " " + answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** The API's cells of a country-year-breakdown table, keyed "country|year|category", value null when withheld. */
    private static Map<String, Long> apiCells(String by, String countries) throws Exception {
        JsonObject table = apiJson("/v1/statistics?measure=victims&by=country_of_identification,year," + by
                + "&country_of_identification=" + countries + "&year=2025,2026&release=" + release);
        Map<String, Long> cells = new LinkedHashMap<>();
        for (JsonValue value : table.getJsonArray("observations")) {
            JsonObject o = value.asJsonObject();
            JsonObject codes = o.getJsonObject("codes");
            if (codes.getString("country_of_identification").equals("_T") || codes.getString("year").equals("_T")) {
                continue;
            }
            cells.put(codes.getString("country_of_identification") + "|" + codes.getString("year") + "|"
                    + codes.getString(by), o.isNull("value") ? null : o.getJsonNumber("value").longValue());
        }
        return cells;
    }

    /** The page's table, keyed as {@link #apiCells}. */
    private static Map<String, Long> tableCells() {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (WebElement row : chrome.findElements(By.cssSelector("#table tbody tr"))) {
            String value = row.findElement(By.cssSelector("td.value")).getDomAttribute("data-value");
            cells.put(row.getDomAttribute("data-country") + "|" + row.getDomAttribute("data-year") + "|"
                    + row.getDomAttribute("data-category"), value.isEmpty() ? null : Long.valueOf(value));
        }
        return cells;
    }

    /** The chart's marks, keyed as {@link #apiCells}. */
    private static Map<String, Long> chartCells() {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (WebElement mark : chrome.findElements(By.cssSelector("#chart-box svg .mark"))) {
            String value = mark.getDomAttribute("data-value");
            cells.put(mark.getDomAttribute("data-country") + "|" + mark.getDomAttribute("data-year") + "|"
                    + mark.getDomAttribute("data-category"), value.isEmpty() ? null : Long.valueOf(value));
        }
        return cells;
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(1)
    void choosingACountryAndABreakdownShowsTheApisCellsInTheChartAndTheTable() throws Exception {
        chrome.get(url("/"));
        awaitView("measure=victims");
        // Measured, not asserted (a shared machine): docs/benchmarks.md quotes this line.
        System.out.println("explorer first view: " + chrome.findElement(By.tagName("body")).getDomAttribute(
                "data-first-view-ms") + " ms from navigation to the drawn chart and table (cold browser cache)");
        // The first country is chosen by default; choose Moldova instead, then a breakdown by sex.
        String first = chrome.findElement(By.cssSelector("input[name=country]:checked")).getDomAttribute("value");
        assertNotEquals("MD", first, "the demo's first country");
        chrome.findElement(By.cssSelector("input[name=country][value=MD]")).click();
        awaitView("countries=" + first + ",MD&");
        chrome.findElement(By.cssSelector("input[name=country][value=" + first + "]")).click();
        awaitView("countries=MD&");
        new Select(chrome.findElement(By.id("by"))).selectByValue("sex");
        awaitView("countries=MD&", "by=sex");

        Map<String, Long> api = apiCells("sex", "MD");
        assertEquals(api, tableCells(), "the table is the API's answer, totals of each breakdown included");
        Map<String, Long> withoutTotals = new LinkedHashMap<>(api);
        withoutTotals.keySet().removeIf(key -> key.endsWith("|_T"));
        assertEquals(withoutTotals, chartCells(), "the chart draws every category, withheld ones as withheld");
        assertTrue(chrome.findElement(By.id("release-line")).getText().contains(release));
        assertEquals("/v1/releases/" + release,
                chrome.findElement(By.id("manifest-link")).getDomAttribute("href"));
        screenshot("explore-desktop-1280");
    }

    @Test
    @Order(2)
    void aWithheldCellIsShownAsWithheld_neverZero_andExplainedOnHoverAndOnKeyboardFocus() throws Exception {
        Map<String, Long> api = apiCells("age_band", "MD");
        String withheld = api.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("the demo has no withheld age band in Moldova"));
        chrome.get(url("/explore?measure=victims&countries=MD&from=2025&to=2026&by=age_band&chart=bar&release="
                + release + "&lang=en"));
        awaitView("by=age_band");
        String[] key = withheld.split("\\|");
        WebElement row = chrome.findElement(By.cssSelector("#table tbody tr[data-country='" + key[0] + "'][data-year='"
                + key[1] + "'][data-category='" + key[2] + "']"));
        WebElement cell = row.findElement(By.cssSelector("td.value"));
        assertEquals("withheld", cell.findElement(By.cssSelector(".flagged")).getText().strip());
        assertFalse(cell.getText().matches(".*\\b0\\b.*"), cell.getText());
        WebElement mark = chrome.findElement(By.cssSelector("#chart-box svg .mark[data-country='" + key[0]
                + "'][data-year='" + key[1] + "'][data-category='" + key[2] + "']"));
        assertEquals("withheld", mark.getDomAttribute("data-status"));

        WebElement flag = cell.findElement(By.cssSelector(".flagged"));
        WebElement tip = flag.findElement(By.cssSelector(".tip"));
        assertFalse(tip.isDisplayed());
        new Actions(chrome).moveToElement(flag).perform();
        new WebDriverWait(chrome, WAIT).until(driver -> tip.isDisplayed());
        assertTrue(tip.getText().contains("not zero"), tip.getText());
        new Actions(chrome).moveToElement(chrome.findElement(By.tagName("h1"))).perform();

        // The keyboard reaches the same explanation: tab until a withheld cell has the focus.
        chrome.findElement(By.id("main")).click();
        WebElement focused = null;
        for (int presses = 0; presses < 300 && focused == null; presses++) {
            new Actions(chrome).sendKeys(Keys.TAB).perform();
            WebElement active = chrome.switchTo().activeElement();
            if (active.getDomAttribute("class") != null && active.getDomAttribute("class").contains("flagged")) {
                focused = active;
            }
        }
        assertTrue(focused != null, "no withheld cell took the keyboard focus");
        WebElement focusedTip = focused.findElement(By.cssSelector(".tip"));
        new WebDriverWait(chrome, WAIT).until(driver -> focusedTip.isDisplayed());
        assertEquals(focusedTip.getDomAttribute("id"), focused.getDomAttribute("aria-describedby"));
    }

    @Test
    @Order(3)
    void thePermalinkPinsTheReleaseAndReproducesTheViewInANewWindow() {
        chrome.get(url("/explore?measure=victims&countries=MD,UA&by=sex&chart=line&lang=en"));
        awaitView("countries=MD,UA", "by=sex");
        String permalink = chrome.findElement(By.id("permalink")).getDomAttribute("href");
        assertTrue(permalink.contains("release=" + release), permalink);
        Map<String, Long> table = tableCells();
        Map<String, Long> chart = chartCells();
        String caption = chrome.findElement(By.id("caption")).getText();
        assertFalse(table.isEmpty());

        String first = chrome.getWindowHandle();
        chrome.switchTo().newWindow(WindowType.WINDOW);
        try {
            chrome.get(permalink);
            awaitView("countries=MD,UA", "by=sex", "release=" + release);
            assertEquals(table, tableCells());
            assertEquals(chart, chartCells());
            assertEquals(caption, chrome.findElement(By.id("caption")).getText());
            assertEquals("line", new Select(chrome.findElement(By.id("chart"))).getFirstSelectedOption().getDomAttribute("value"));
        } finally {
            chrome.close();
            chrome.switchTo().window(first);
        }
    }

    @Test
    @Order(4)
    void theDownloadedCsvIsTheApisCsv_andTheChartDownloadsAsSvgAndPng() throws Exception {
        chrome.get(url("/explore?measure=registrations&countries=UA&by=identified_by&release=" + release + "&lang=en"));
        awaitView("measure=registrations", "by=identified_by");
        String csvUrl = chrome.findElement(By.id("csv-url")).getDomAttribute("href");
        String expectedPath = "/v1/statistics?measure=registrations&by=country_of_identification,year,identified_by"
                + "&country_of_identification=UA&year=2025,2026&release=" + release + "&lang=en&format=csv&labels=true";
        assertEquals(url(expectedPath), csvUrl);
        HttpResponse<String> api = server.send(server.request(expectedPath));
        assertEquals(200, api.statusCode());

        // The browser keeps the name the API gives the file (Content-Disposition), which says what it holds.
        String disposition = api.headers().firstValue("Content-Disposition").orElseThrow();
        String name = disposition.replaceAll(".*filename=\"([^\"]+)\".*", "$1");
        chrome.findElement(By.id("download-csv")).click();
        Path file = awaitDownload(name);
        assertEquals(api.body(), Files.readString(file, StandardCharsets.UTF_8));

        // The chart as SVG (the page's own, with its marks and their figures) and as PNG.
        int marks = chrome.findElements(By.cssSelector("#chart-box svg .mark")).size();
        chrome.findElement(By.id("download-svg")).click();
        Path svg = awaitDownload("tipx-" + release + ".svg");
        String drawing = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(drawing.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), drawing.substring(0, 60));
        assertEquals(marks, drawing.split("class=\"mark\"", -1).length - 1);
        chrome.findElement(By.id("download-png")).click();
        Path png = awaitDownload("tipx-" + release + ".png");
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G'};
        assertEquals(java.util.Arrays.toString(signature),
                java.util.Arrays.toString(java.util.Arrays.copyOf(Files.readAllBytes(png), 4)));
    }

    private static Path awaitDownload(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(chrome, WAIT).until(driver -> Files.exists(file) && sizeOf(file) > 0
                && Stream.of(downloads.toFile().list()).noneMatch(n -> n.endsWith(".crdownload")));
        return file;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Test
    @Order(6)
    void switchingToRussianTranslatesThePageAndTakesTheDimensionLabelsFromTheApiInRussian() throws Exception {
        chrome.get(url("/explore?measure=victims&countries=MD&by=age_band&release=" + release + "&lang=en"));
        awaitView("by=age_band", "lang=en");
        new Select(chrome.findElement(By.id("lang"))).selectByValue("ru");
        awaitView("by=age_band", "lang=ru");
        assertEquals("ru", chrome.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("Исследуйте данные", chrome.findElement(By.tagName("h1")).getText());
        assertTrue(chrome.findElements(By.cssSelector("#table .flagged")).stream()
                .allMatch(flag -> flag.getText().strip().equals("скрыто")));
        JsonObject dimensions = apiJson("/v1/dimensions?lang=ru");
        String ageBand = dimensions.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("id").equals("age_band")).findFirst().orElseThrow().getString("label");
        assertTrue(ageBand.matches(".*\\p{IsCyrillic}.*"), "the API labels in Russian: " + ageBand);
        assertEquals(ageBand, new Select(chrome.findElement(By.id("by"))).getFirstSelectedOption().getText(),
                "the breakdown's label is the API's, asked in the page's language");
        assertTrue(chrome.findElement(By.id("csv-url")).getDomAttribute("href").contains("&lang=ru&format=csv&labels=true"),
                "the CSV's labels in Russian too");
        chrome.findElement(By.id("nav-method")).click();
        new WebDriverWait(chrome, WAIT).until(driver -> "ready".equals(
                driver.findElement(By.tagName("body")).getDomAttribute("data-state"))
                && driver.getCurrentUrl().contains("/explore/method"));
        assertEquals("Как читать цифры tipx", chrome.findElement(By.cssSelector("#method-view h1")).getText());
    }

    @Test
    @Order(5)
    void ratesComeFromTheComparisonsEndpoint_andAYearWithoutPopulationReadsNoRate() throws Exception {
        JsonObject comparison = apiJson("/v1/comparisons?indicator=victims_per_100k&countries=MD,UA&from=2025&to=2026"
                + "&release=" + release);
        Map<String, String> expected = new LinkedHashMap<>();
        for (JsonValue country : comparison.getJsonArray("countries")) {
            for (JsonValue point : country.asJsonObject().getJsonArray("series").getJsonObject(0).getJsonArray("points")) {
                JsonObject p = point.asJsonObject();
                String status = p.getJsonArray("flags").toString().contains("WITHHELD") ? "withheld"
                        : p.containsKey("ratePer100k") ? "published" : "nodenominator";
                expected.put(country.asJsonObject().getString("country") + "|" + p.getInt("year"), status);
            }
        }
        chrome.get(url("/explore?measure=rate&countries=MD,UA&from=2025&to=2026&release=" + release + "&lang=en"));
        awaitView("measure=rate");
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement row : chrome.findElements(By.cssSelector("#table tbody tr"))) {
            shown.put(row.getDomAttribute("data-country") + "|" + row.getDomAttribute("data-year"), row.getDomAttribute("data-status"));
            if ("nodenominator".equals(row.getDomAttribute("data-status"))) {
                assertEquals("no rate", row.findElement(By.cssSelector(".flagged")).getText().strip());
            }
        }
        assertEquals(expected, shown);
        assertTrue(chrome.findElement(By.id("api-url")).getDomAttribute("href").contains("/v1/comparisons?indicator=victims_per_100k"));
    }

    @Test
    @Order(7)
    void aRefusedTableIsExplainedInPlainWords() throws Exception {
        // The demo data decides which tables are too sparse: ask the API, then the page, for the same one.
        String refused = null;
        for (String by : List.of("citizenship", "exploitation", "identified_by", "age_band", "minor_at_exploitation")) {
            for (String country : List.of("NL", "MD", "DE", "PL", "UA")) {
                HttpResponse<String> answer = server.send(server.request("/v1/statistics?measure=victims&by="
                        + "country_of_identification,year," + by + "&country_of_identification=" + country
                        + "&year=2026&release=" + release));
                if (answer.statusCode() == 400 && answer.body().contains("too-sparse")) {
                    refused = "measure=victims&countries=" + country + "&from=2026&to=2026&by=" + by;
                    break;
                }
            }
            if (refused != null) {
                break;
            }
        }
        assertTrue(refused != null, "the demo's data has no too-sparse table by a single breakdown in one country and year");
        chrome.get(url("/explore?" + refused + "&release=" + release + "&lang=en"));
        awaitView(refused.substring(refused.indexOf("countries=")));
        WebElement problem = chrome.findElement(By.id("problem"));
        assertTrue(problem.isDisplayed());
        assertEquals("too-sparse", problem.getDomAttribute("data-type"));
        assertTrue(problem.getText().contains("Choose a breakdown with fewer categories"), problem.getText());
        assertTrue(chrome.findElements(By.cssSelector("#table tbody tr")).isEmpty(), "no figures beside a refusal");
    }

    @Test
    @Order(8)
    void axeFindsNoSeriousOrCriticalViolation_atDesktopAndPhoneWidth() throws Exception {
        requireAxe();
        String axe = Files.readString(AXE, StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        for (int width : new int[] {1280, 360}) {
            chrome.manage().window().setSize(new Dimension(width, width == 360 ? 780 : 1000));
            for (String page : List.of("/explore?measure=victims&countries=MD,UA&by=age_band&lang=en",
                    "/explore?measure=rate&countries=MD,UA,PL&chart=line&lang=ru", "/explore/method?lang=en")) {
                chrome.get(url(page));
                new WebDriverWait(chrome, WAIT).until(driver -> List.of("ready", "refused").contains(
                        driver.findElement(By.tagName("body")).getDomAttribute("data-state")));
                for (Object violation : seriousViolations(axe)) {
                    found.add(width + "px " + page + " " + violation);
                }
                String name = page.contains("method") ? "method" : page.contains("rate") ? "rates" : "explore";
                screenshot(name + "-" + (width == 360 ? "phone-360" : "desktop-1280"));
                if (width == 360 && !name.equals("method")) {
                    ((JavascriptExecutor) chrome).executeScript("document.getElementById('figure').scrollIntoView();");
                    screenshot(name + "-phone-360-chart");
                }
            }
        }
        chrome.manage().window().setSize(new Dimension(1280, 1000));
        assertEquals(List.of(), found);
    }

    @Test
    @Order(9)
    void atPhoneWidthNothingScrollsSideways() {
        chrome.manage().window().setSize(new Dimension(360, 780));
        try {
            chrome.get(url("/explore?measure=victims&countries=MD,UA,PL&by=sex&lang=en"));
            awaitView("by=sex");
            // The elements reaching past the window's right edge, if any, named so that a failure says which.
            Object wider = ((JavascriptExecutor) chrome).executeScript("""
                    const width = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).display !== 'none'
                            && !e.closest('.table-box') && !e.classList.contains('skip'))
                        .map(e => e.tagName + '#' + e.id + '.' + e.getAttribute('class') + ' ' + e.textContent.slice(0, 40)).slice(0, 10);
                    """);
            assertEquals(List.of(), wider);
            Object widths = ((JavascriptExecutor) chrome).executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            List<?> both = (List<?>) widths;
            assertTrue(((Number) both.get(0)).longValue() <= ((Number) both.get(1)).longValue(), "page wider than the window: " + both);
        } finally {
            chrome.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(10)
    void theCountryProfilePage_appliesItsOwnStyleUnderItsPolicy_printsToPdf_andAxeFindsNoSeriousViolation()
            throws Exception {
        requireAxe();
        chrome.manage().window().setSize(new Dimension(1280, 1000));
        chrome.get(url("/v1/countries/MD/profile?format=html&lang=uk"));
        JavascriptExecutor page = chrome;
        // Its inline stylesheet applies: a policy that blocked it would leave the tables' borders separate.
        assertEquals("collapse", page.executeScript(
                "return getComputedStyle(document.querySelector('table')).borderCollapse"));
        assertEquals(List.of(), seriousViolations(Files.readString(AXE, StandardCharsets.UTF_8)));
        screenshot("profile-page-desktop-1280");
        org.openqa.selenium.Pdf pdf = chrome.print(new org.openqa.selenium.print.PrintOptions());
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII), "the browser prints it");
    }

    /** axe-core's serious and critical violations on the page shown, each as its rule and the elements it names. */
    private static List<?> seriousViolations(String axe) {
        ((JavascriptExecutor) chrome).executeScript(axe);
        return (List<?>) ((JavascriptExecutor) chrome).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
    }

    /** axe-core comes from npm (api/src/test/js); without it this check skips, or fails where node tools are required. */
    private static void requireAxe() {
        String reason = "axe-core is missing: run npm ci --prefix api/src/test/js";
        if ("1".equals(System.getenv("TIPX_REQUIRE_NODE_TOOLS"))) {
            assertTrue(Files.isRegularFile(AXE), reason + " (TIPX_REQUIRE_NODE_TOOLS=1 makes this check mandatory)");
        } else {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(AXE), reason);
        }
    }
}
