package org.tipx.api.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Measures the explorer's first view (docs/benchmarks.md): for each URL, a fresh headless Chromium (cold
 * cache) opens it and this prints the page's {@code data-first-view-ms}, the time from navigation to the
 * chart and table drawn. Run against any tipx server, e.g. {@code StatisticsBenchmarkServer}.
 */
public final class ExplorerFirstView {

    private ExplorerFirstView() {
    }

    public static void main(String[] urls) throws Exception {
        Path downloads = Files.createTempDirectory("tipx-first-view");
        for (String url : urls) {
            ChromeDriver chrome = Browser.start(downloads, 1280, 1000);
            try {
                chrome.get(url);
                new WebDriverWait(chrome, Duration.ofSeconds(60)).until(driver -> driver.findElement(By.tagName("body"))
                        .getDomAttribute("data-first-view-ms") != null);
                System.out.println(chrome.findElement(By.tagName("body")).getDomAttribute("data-first-view-ms")
                        + " ms  " + url);
            } finally {
                chrome.quit();
            }
        }
    }
}
