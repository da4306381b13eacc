package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.HostileProgram;
import org.jqsi.web.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The XSS corpus in a real browser: Chromium shows the widget's pages, its activity pages and a partner page with
 * the inline widget (whose script puts the server's HTML into the host page, where no Content-Security-Policy of the
 * widget applies) for a program whose every text field is hostile, and with hostile query parameters. No dialog
 * opens, no script of the page sets the marker a payload would, and the console has no error or warning (a script
 * refused by the CSP would log one).
 */
class HostileProgramInChromiumTest {

    private static WidgetServer server;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled(HostileProgramInChromiumTest.class);
        Path host = Path.of(HostileProgramInChromiumTest.class.getResource("/host/index.html").toURI()).getParent();
        server = WidgetServer.start(WidgetSettings.defaults(), host);
        server.serve(Program.of(HostileProgram.of(HostileProgram.XSS)));
        ChromeOptions options = HeadlessChromium.options();
        // A dialog stays open for the test to see, instead of being dismissed.
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.IGNORE);
        driver = HeadlessChromium.open(options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noPageOfAHostileProgramOpensADialogOrRunsAPayload() {
        List<String> paths = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            paths.add("/widget/?page=" + page);
            paths.add("/widget/?page=" + page + "&lang=en&layout=compact");
        }
        for (int i = 0; i < HostileProgram.XSS.size(); i++) {
            paths.add("/widget/activities/hostile-" + i);
        }
        for (String payload : HostileProgram.XSS.subList(0, 12)) {
            paths.add("/widget/?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
            paths.add("/widget/?region=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
        }
        for (String path : paths) {
            driver.get(server.uri(path).toString());
            new WebDriverWait(driver, HeadlessChromium.PATIENCE).until(d -> ((JavascriptExecutor) d)
                    .executeScript("return document.readyState").equals("complete"));
            assertNoDialogNorConsoleError(path);
        }
        assertThat(paths).hasSizeGreaterThan(50);
    }

    @Test
    void theInlineWidgetPutsTheHostileProgramIntoAPartnerPageInertly() throws InterruptedException {
        driver.get(server.uri("/inline.html").toString());
        SearchContext shadow = new WebDriverWait(driver, HeadlessChromium.PATIENCE).until(d -> {
            SearchContext root = d.findElement(By.id("programme")).getShadowRoot();
            return root.findElements(By.cssSelector(".jqsi-activity")).size() > 0 ? root : null;
        });
        assertThat(shadow.findElements(By.cssSelector(".jqsi-activity"))).hasSize(20);
        // Scripts inserted with innerHTML do not run, but handlers on elements would: give them time to fire.
        Thread.sleep(1000);
        assertNoDialogNorConsoleError("/inline.html");
    }

    private static void assertNoDialogNorConsoleError(String path) {
        assertThatThrownBy(() -> driver.switchTo().alert()).as("a dialog on %s", path)
                .isInstanceOf(NoAlertPresentException.class);
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                // A refused parameter is a 400 page, which Chromium notes; that is no script.
                .filter(e -> !e.getMessage().contains("status of 400 (Bad Request)"))
                .toList();
        assertThat(errors).as("console errors and warnings on %s", path).isEmpty();
    }
}
