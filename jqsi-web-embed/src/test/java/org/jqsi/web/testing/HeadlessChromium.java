package org.jqsi.web.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium, driven by Debian's own chromedriver, for the browser tests: nothing is downloaded
 * (Selenium Manager never runs, since the driver is named), nothing but 127.0.0.1 resolves, and the console is
 * recorded so that tests can assert it stayed clean.
 *
 * <p>A test class calls {@link #assumeInstalled(Class)} first, in its {@code @BeforeAll}: where the packages are
 * missing the class is skipped, and says so on the console with what to install (a class skipped in
 * {@code @BeforeAll} is otherwise reported by Surefire as "Tests run: 0", without a word). Under {@code CI=true}
 * (as {@code .ci/run} is run, after installing them) a missing browser fails instead: CI must not pass by skipping.
 * Where they are installed, a browser that then fails to start fails the tests.
 */
public final class HeadlessChromium {

    /**
     * How long a test waits for the page to show what it must: only a hang, since a browser on a loaded machine can
     * take many seconds for a page.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(2);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * Skips {@code testClass}, saying why on standard error, unless Debian's chromium and chromium-driver are
     * installed; fails it instead under {@code CI=true}.
     */
    public static void assumeInstalled(Class<?> testClass) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = testClass.getSimpleName() + " needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and no browser: " + why);
        }
        if (!installed) {
            // Surefire shows what the test JVM writes: the one place a skipped class can say why.
            System.err.println("[WARNING] skipped: " + why);
        }
        assumeTrue(installed, why);
    }

    /**
     * The options every browser test starts from, with a fresh profile; a test adds its own before
     * {@link #open(ChromeOptions)}.
     */
    public static ChromeOptions options() throws IOException {
        Path profile = Files.createTempDirectory("jqsi-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1100,900", "--user-data-dir=" + profile.toAbsolutePath(),
                // No network but the test server: no name resolves, and 127.0.0.1 needs none.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        // Every console message, so that tests can find errors and warnings (a script refused by the CSP logs one).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return options;
    }

    /** Starts a browser with the given options; the caller quits it. */
    public static WebDriver open(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
