package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its own chromedriver (packages {@code chromium}, {@code chromium-driver}),
 * found on {@code PATH}: no driver is downloaded. Without them the browser tests skip, unless
 * {@code TIPX_REQUIRE_BROWSER=1} (as in {@code .ci/run}), where they fail.
 */
final class Browser {

    private Browser() {
    }

    /** A headless Chromium at this window size, saving downloads into {@code downloads}. */
    static ChromeDriver start(Path downloads, int width, int height) {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = onPath("chromedriver");
        String reason = "Chromium and chromedriver are not on PATH (apt-get install chromium chromium-driver)";
        if ("1".equals(System.getenv("TIPX_REQUIRE_BROWSER"))) {
            assertTrue(chromium.isPresent() && driver.isPresent(), reason + " (TIPX_REQUIRE_BROWSER=1 makes them mandatory)");
        } else {
            Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), reason);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // No sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--window-size=" + width + "," + height, "--lang=en-GB");
        // Downloads without asking, several from one page too (CSV, SVG, then the PNG drawn after the click).
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-GB,en",
                "profile.default_content_setting_values.automatic_downloads", 1));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Optional<Path> onPath(String... names) {
        List<Path> dirs = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(Path::of).toList();
        for (String name : names) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
