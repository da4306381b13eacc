package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.jqsi.core.account.Account;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.password.Argon2idHash;
import org.jqsi.password.Argon2idParameters;
import org.jqsi.server.internal.WatchedFile;
import org.jqsi.server.internal.submissions.BaseProgram;
import org.jqsi.server.internal.submissions.SubmittedSource;
import org.jqsi.web.review.ReviewServlet;
import org.jqsi.web.review.ReviewSettings;
import org.jqsi.web.submit.SubmissionServlet;
import org.jqsi.web.submit.SubmitSettings;
import org.jqsi.web.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #20's scenario end to end, in headless Chromium against the server: an organisation proposes an activity
 * (through the JSON API: the form is another branch's); the coordinator of another region logs in and is refused on
 * it, by link and by a forged form; the region's coordinator logs in, approves it, and finds it in the widget.
 */
class ReviewInChromiumTest {

    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final String PASSWORD = "un mot de passe assez long";

    @TempDir
    Path dir;

    @Test
    void proposedThenRefusedToAnotherRegionThenApprovedAndServedByTheWidget() throws Exception {
        HeadlessChromium.assumeInstalled(ReviewInChromiumTest.class);
        ProgramWriter.forFiles().write(SampleProgram.data(), dir.resolve("program.json"));
        try (TestDatabase fresh = TestDatabases.create(TestDatabases.Kind.EMBEDDED, dir.resolve("data"));
                Database database = fresh.open()) {
            Argon2idHash passwords = new Argon2idHash(new Argon2idParameters(1024, 1, 1), new SecureRandom());
            database.accounts().add(Account.coordinator("marie@cs3r.example.org", Set.of(Region.MAURICIE),
                    Proposed.AT), passwords.hash(PASSWORD.toCharArray()));
            database.accounts().add(Account.coordinator("luc@estrie.example.org", Set.of(Region.ESTRIE),
                    Proposed.AT), passwords.hash(PASSWORD.toCharArray()));
            SubmittedSource source = new SubmittedSource(new WatchedFile(dir.resolve("program.json"),
                    new ProgramReader(VALIDATOR)), database.submissions(), database::watchPublication,
                    database.describe(), VALIDATOR, Clock.systemUTC(), Language.EN);
            CurrentProgram current = CurrentProgram.load(source, VALIDATOR, Clock.systemUTC());
            ReviewServlet review = new ReviewServlet(database.accounts(), passwords, database.submissions(),
                    current, new BaseProgram(() -> source), VALIDATOR, ReviewSettings.defaults(), Clock.systemUTC());
            SubmissionServlet submit = new SubmissionServlet(database.submissions(), current, VALIDATOR,
                    SubmitSettings.defaults(), Clock.systemUTC());
            try (JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                    .withReloadInterval(Duration.ofMillis(200)), current, Clock.systemUTC(),
                    java.util.Map.of("/review/*", review, "/submit/*", submit))) {
                // The browser resolves no name, not even localhost: the address itself.
                URI base = URI.create("http://127.0.0.1:" + server.localUri().getPort() + server.localUri().getPath());
                HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("submit/")).header("Content-Type", "application/json")
                        .timeout(HeadlessChromium.PATIENCE)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                        {"submitter": {"organisation": "Comité de solidarité/Trois-Rivières",
                                       "email": "prog@example.org"},
                         "activity": {"id": "atelier-de-bout-en-bout", "editionId": "jqsi-2021", "kind": "workshop",
                           "title": {"fr": "Atelier de bout en bout", "en": "End-to-end workshop"},
                           "schedule": {"type": "timed", "start": "2021-11-10T19:00", "end": "2021-11-10T21:00",
                                        "zone": "America/Toronto"},
                           "place": {"type": "online", "url": "https://example.org/atelier", "platform": "zoom"},
                           "region": "04", "status": "scheduled"}}""", StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Submission proposed = database.submissions().list(SubmissionFilter.ALL).get(0);

                WebDriver driver = HeadlessChromium.open(HeadlessChromium.options());
                try {
                    WebDriverWait wait = new WebDriverWait(driver, HeadlessChromium.PATIENCE);
                    // (In French: the browser asks for English, and each address says which.)
                    // The Estrie's coordinator: the submission is not in their list, and refused by link...
                    logIn(driver, wait, base, "luc@estrie.example.org");
                    assertThat(driver.getPageSource()).doesNotContain(proposed.id());
                    String estrieToken = driver.findElement(By.cssSelector("input[name=csrf]"))
                            .getDomAttribute("value");
                    driver.get(base.resolve("review/" + proposed.id() + "?lang=fr").toString());
                    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
                    // ... and by a form forged with their own session's token.
                    ((JavascriptExecutor) driver).executeScript("""
                            var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
                            [['csrf', arguments[1]], ['version', '1'], ['action', 'approve']].forEach(function (p) {
                              var i = document.createElement('input'); i.type = 'hidden'; i.name = p[0];
                              i.value = p[1]; f.appendChild(i); });
                            document.body.appendChild(f); f.submit();""",
                            base.resolve("review/" + proposed.id() + "?lang=fr").toString(), estrieToken);
                    wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Accès refusé"));
                    assertThat(database.submissions().find(proposed.id()).orElseThrow().state())
                            .isEqualTo(SubmissionState.PENDING);
                    driver.findElement(By.cssSelector("header form button")).click();
                    wait.until(d -> !d.findElements(By.id("password")).isEmpty());

                    // The Mauricie's coordinator approves it from the list.
                    logIn(driver, wait, base, "marie@cs3r.example.org");
                    driver.findElement(By.linkText("Atelier de bout en bout")).click();
                    wait.until(d -> !d.findElements(By.cssSelector(".preview")).isEmpty());
                    driver.findElement(By.cssSelector("button[value=approve]")).click();
                    wait.until(d -> !d.findElements(By.cssSelector("[role=status]")).isEmpty());
                    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                            .isEqualTo("Soumission approuvée : l’activité est publiée.");

                    // The widget serves it within seconds.
                    String page = base.resolve("widget/activities/atelier-de-bout-en-bout?lang=fr").toString();
                    wait.until(d -> {
                        d.get(page);
                        return d.getPageSource().contains("Atelier de bout en bout");
                    });
                    assertThat(driver.findElement(By.cssSelector("h1.jqsi-title")).getText())
                            .isEqualTo("Atelier de bout en bout");
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static void logIn(WebDriver driver, WebDriverWait wait, URI base, String email) {
        driver.get(base.resolve("review/login?lang=fr").toString());
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            wait.until(d -> d.getCurrentUrl().endsWith("/review/?lang=fr"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not logged in: " + driver.getCurrentUrl() + "\n" + driver.getPageSource(), e);
        }
    }

}
