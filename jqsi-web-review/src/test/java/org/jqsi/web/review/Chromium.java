package org.jqsi.web.review;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (nothing downloaded; no name but 127.0.0.1 resolves),
 * and Deque's axe-core run in its page, as the widget's browser tests run them: skipped where the packages are
 * missing, failed instead under {@code CI=true}.
 */
final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = load("axe.min.js");

    private Chromium() {
    }

    /** Skips the test class (saying why) unless Chromium and its driver are installed; fails it under CI. */
    static void assumeInstalled(Class<?> testClass) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = testClass.getSimpleName() + " needs Debian's chromium and chromium-driver: apt-get install "
                + "chromium chromium-driver";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and no browser: " + why);
        }
        if (!installed) {
            System.err.println("[WARNING] skipped: " + why);
        }
        assumeTrue(installed, why);
    }

    /** A headless browser with a fresh profile; the caller quits it. */
    static WebDriver open() throws IOException {
        Path profile = Files.createTempDirectory("jqsi-review-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath(),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * The violations of WCAG 2.x A and AA (and axe's best practices) in the current page, one line each: the rule,
     * what it asks, and the elements that break it. Empty when there is none.
     */
    @SuppressWarnings("unchecked")
    static List<String> axeViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // WebDriver's scripts run as the browser's own, not under the page's CSP (which allows no script).
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'],
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                        'best-practice'] } })
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return v.id + ': ' + v.help + ' ' + JSON.stringify(v.nodes.map(function (n) {
                        return n.target.join(' ') + ' ' + (n.failureSummary || ''); }));
                    }));
                  }, function (e) { done(['axe failed: ' + e]); });
                """);
        return new ArrayList<>((List<String>) result);
    }

    private static String load(String resource) {
        try (InputStream in = Chromium.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
