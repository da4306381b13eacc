package org.jqsi.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Region;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.web.testing.Axe;
import org.jqsi.web.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The log-in page and the review pages (the list, a new activity, a change with its differences, a form that came
 * back with a problem) in headless Chromium, in French and in English, with axe-core finding no violation; and the
 * pages work without any script, which their CSP forbids.
 */
class ReviewPagesInChromiumTest {

    @TempDir
    static Path directory;

    private static ReviewServer server;
    private static WebDriver driver;
    private static String proposed;
    private static String change;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled(ReviewPagesInChromiumTest.class);
        server = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory);
        String first = server.submitNew(Region.MAURICIE, "Atelier publié");
        server.submissions.approve(first, 1, "cli:test", null, server.clock.instant(),
                Publishing.checkAgainst(ProgramFileSource.sample().read(), new ProgramValidator()));
        Activity published = server.find(first).activity();
        server.clock.advance(Duration.ofMinutes(1));
        change = server.submissions.submit(Submission.Kind.CHANGE, published.id(), published.toBuilder()
                .title(LocalizedText.of("Atelier publié, nouveau titre", "Published workshop, new title")).build(),
                new Submitter("Comité", "programme@example.org"), server.clock.instant()).submission().id();
        server.clock.advance(Duration.ofMinutes(1));
        proposed = server.submitNew(Region.MAURICIE, "Atelier sur le commerce équitable");
        driver = HeadlessChromium.open(HeadlessChromium.options());
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPageHasNoAxeViolationInEitherLanguage() {
        for (String lang : new String[] {"fr", "en"}) {
            driver.manage().deleteAllCookies();
            open("/review/login?lang=" + lang);
            assertNoViolation("log-in page " + lang);

            driver.findElement(By.id("email")).sendKeys(ReviewServer.MAURICIE);
            driver.findElement(By.id("password")).sendKeys("pas le bon");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait(".problem");
            assertNoViolation("log-in page with a problem " + lang);

            driver.findElement(By.id("password")).sendKeys(ReviewServer.PASSWORD);
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            wait("main table");
            assertThat(driver.getCurrentUrl()).endsWith("/review/?lang=" + lang);
            assertNoViolation("list " + lang);

            open("/review/" + proposed + "?lang=" + lang);
            wait(".preview");
            assertNoViolation("a new activity " + lang);

            // Asking for changes without a note: the form comes back with its problem tied to the note.
            driver.findElement(By.cssSelector("button[value=request-changes]")).click();
            wait("#note-problem");
            assertNoViolation("a form with a problem " + lang);

            open("/review/" + change + "?lang=" + lang);
            wait(".preview");
            assertThat(driver.findElements(By.cssSelector("td pre"))).isNotEmpty();
            assertNoViolation("a change " + lang);

            driver.findElement(By.cssSelector("header form button")).click();
            wait("#password");
        }
    }

    private static void open(String path) {
        driver.get(server.uri(path).toString());
    }

    private static void wait(String css) {
        new WebDriverWait(driver, Duration.ofMinutes(2)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    private static void assertNoViolation(String what) {
        assertThat(Axe.violations(driver)).as("axe on %s", what).isEmpty();
    }
}
