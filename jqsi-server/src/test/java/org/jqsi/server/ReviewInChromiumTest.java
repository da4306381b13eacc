package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #20's scenario end to end, in headless Chromium against the server with /submit/, /review/ and /widget/: an
 * organisation proposes a Mauricie activity through the form, in a browser with JavaScript off and in one with it on,
 * first without a required field, which the form reports, then fixed, reaching the status page; the coordinator of
 * another region logs in and is refused on it (403), by link and by a forged form; the region's coordinator logs in,
 * approves it, and finds it in the widget.
 */
class ReviewInChromiumTest {

    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final String PASSWORD = "un mot de passe assez long";
    private static final String TITLE_FR = "Atelier de bout en bout";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {false, true})
    void proposedThroughTheFormThenRefusedToAnotherRegionThenApprovedAndServedByTheWidget(boolean javaScript)
            throws Exception {
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
                    Map.of("/review/*", review, "/submit/*", submit))) {
                // The browser resolves no name, not even localhost: the address itself.
                URI base = URI.create("http://127.0.0.1:" + server.localUri().getPort() + server.localUri().getPath());
                Submission proposed = proposeThroughTheForm(base, database, javaScript);

                // The coordinators use their own browser, with JavaScript: the forged form is made by a script.
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
                    // Both answered 403, which the page alone does not show: asked again with the same session.
                    String target = base.resolve("review/" + proposed.id() + "?lang=fr").toString();
                    assertThat(status(driver, "GET", target, null)).isEqualTo(403);
                    assertThat(status(driver, "POST", target, estrieToken)).isEqualTo(403);
                    assertThat(database.submissions().find(proposed.id()).orElseThrow().state())
                            .isEqualTo(SubmissionState.PENDING);
                    driver.findElement(By.cssSelector("header form button")).click();
                    wait.until(d -> !d.findElements(By.id("password")).isEmpty());

                    // The Mauricie's coordinator approves it from the list.
                    logIn(driver, wait, base, "marie@cs3r.example.org");
                    driver.findElement(By.linkText(TITLE_FR)).click();
                    wait.until(d -> !d.findElements(By.cssSelector(".preview")).isEmpty());
                    driver.findElement(By.cssSelector("button[value=approve]")).click();
                    wait.until(d -> !d.findElements(By.cssSelector("[role=status]")).isEmpty());
                    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                            .isEqualTo("Soumission approuvée : l’activité est publiée.");

                    // The widget serves it within seconds.
                    assertThat(database.submissions().find(proposed.id()).orElseThrow().state())
                            .isEqualTo(SubmissionState.APPROVED);
                    String page = base.resolve("widget/activities/" + proposed.activity().id() + "?lang=fr")
                            .toString();
                    wait.until(d -> {
                        d.get(page);
                        return d.getPageSource().contains(TITLE_FR);
                    });
                    assertThat(driver.findElement(By.cssSelector("h1.jqsi-title")).getText()).isEqualTo(TITLE_FR);
                } finally {
                    driver.quit();
                }
            }
        }
    }

    /**
     * An organiser proposes a Mauricie activity through the form at /submit/, in French, in a browser of their own
     * with or without JavaScript (as FormInChromiumTest turns it off): first without the French title, which the form
     * reports beside the field while keeping what was typed, then with it, reaching the status page.
     */
    private static Submission proposeThroughTheForm(URI base, Database database, boolean javaScript)
            throws Exception {
        ChromeOptions options = HeadlessChromium.options();
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        WebDriver organiser = HeadlessChromium.open(options);
        try {
            WebDriverWait wait = new WebDriverWait(organiser, HeadlessChromium.PATIENCE);
            // The browser really runs scripts or not, as asked.
            organiser.get("data:text/html,<title>before</title><script>document.title='after'</script>");
            assertThat(organiser.getTitle()).isEqualTo(javaScript ? "after" : "before");

            organiser.get(base.resolve("submit/?lang=fr").toString());
            new Select(organiser.findElement(By.id("f-kind"))).selectByValue("workshop");
            organiser.findElement(By.id("f-title-en")).sendKeys("End-to-end workshop");
            organiser.findElement(By.cssSelector("input[name='schedule.type'][value=tba]")).click();
            organiser.findElement(By.cssSelector("input[name='place.type'][value=online]")).click();
            organiser.findElement(By.id("f-online-url")).sendKeys("https://example.org/atelier");
            new Select(organiser.findElement(By.id("f-online-platform"))).selectByValue("zoom");
            new Select(organiser.findElement(By.id("f-region"))).selectByValue(Region.MAURICIE.code());
            new Select(organiser.findElement(By.id("f-partners-0-partnerId"))).selectByValue("ceci");
            new Select(organiser.findElement(By.id("f-partners-0-role"))).selectByValue("organizer");
            organiser.findElement(By.cssSelector("input[name=languages][value=fr]")).click();
            organiser.findElement(By.id("f-submitter-organisation")).sendKeys("Comité de solidarité/Trois-Rivières");
            organiser.findElement(By.id("f-submitter-email")).sendKeys("prog@example.org");
            // The French title, which the program requires, is left out.
            organiser.findElement(By.cssSelector("main form button[type=submit]")).click();

            wait.until(d -> !d.findElements(By.id("problems")).isEmpty());
            assertThat(database.submissions().list(SubmissionFilter.ALL)).isEmpty();
            WebElement link = organiser.findElement(By.cssSelector("#problems a[href='#f-title-fr']"));
            assertThat(link.getText()).startsWith("Titre en français");
            WebElement title = organiser.findElement(By.id("f-title-fr"));
            assertThat(title.getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(organiser.findElement(By.id("f-title-en")).getDomProperty("value"))
                    .isEqualTo("End-to-end workshop");
            assertThat(new Select(organiser.findElement(By.id("f-region"))).getFirstSelectedOption()
                    .getDomAttribute("value")).isEqualTo(Region.MAURICIE.code());

            link.click();
            title.sendKeys(TITLE_FR);
            organiser.findElement(By.cssSelector("main form button[type=submit]")).click();

            wait.until(d -> d.getCurrentUrl().contains("/submit/status/"));
            assertThat(organiser.findElement(By.cssSelector(".state")).getText()).isEqualTo("En attente");
            List<Submission> submissions = database.submissions().list(SubmissionFilter.ALL);
            assertThat(submissions).hasSize(1);
            Submission proposed = submissions.get(0);
            assertThat(proposed.state()).isEqualTo(SubmissionState.PENDING);
            assertThat(proposed.activity().title().fr()).isEqualTo(TITLE_FR);
            assertThat(proposed.activity().region()).isEqualTo(Region.MAURICIE);
            return proposed;
        } finally {
            organiser.quit();
        }
    }

    /**
     * The status a request with the browser's session is answered with: the review pages' Content-Security-Policy
     * lets no script of theirs fetch, so the browser's cookies are sent from here.
     */
    private static int status(WebDriver driver, String method, String url, String token) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.BodyPublisher body = token == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&version=1&action=approve", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(HeadlessChromium.PATIENCE)
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
