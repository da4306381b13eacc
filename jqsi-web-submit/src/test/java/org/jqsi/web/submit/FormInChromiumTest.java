package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.web.testing.Axe;
import org.jqsi.web.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The submission form in headless Chromium, with JavaScript on and off: an organiser fills it with the keyboard and
 * the mouse, gets problems back beside their fields, follows the summary's link to the field, fixes it, reaches the
 * status page and edits from it; axe-core finds no violation on the form empty and with problems, in French and in
 * English, nor on the status page with its forms. Screenshots go to {@code target/screenshots/}.
 */
class FormInChromiumTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path directory;

    private static ApiOnDatabase api;
    private static WebDriver scripted;
    private static WebDriver unscripted;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled(FormInChromiumTest.class);
        api = ApiOnDatabase.start(TestDatabases.Kind.EMBEDDED, directory, SubmitSettings.defaults());
        Files.createDirectories(SCREENSHOTS);
        scripted = HeadlessChromium.open(HeadlessChromium.options());
        ChromeOptions off = HeadlessChromium.options();
        off.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        unscripted = HeadlessChromium.open(off);
    }

    @AfterAll
    static void stop() {
        for (WebDriver driver : new WebDriver[] {scripted, unscripted}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theBrowserWithoutJavaScriptRunsNoScript() {
        unscripted.get("data:text/html,<title>before</title><script>document.title='after'</script>");
        assertThat(unscripted.getTitle()).isEqualTo("before");
        scripted.get("data:text/html,<title>before</title><script>document.title='after'</script>");
        assertThat(scripted.getTitle()).isEqualTo("after");
    }

    @Test
    void withJavaScriptAnOrganiserFixesAProblemAndReachesTheStatusPageInFrench() throws Exception {
        submitFixAndEdit(scripted, "fr", "Titre en français");
    }

    @Test
    void withoutJavaScriptTheSameWorksInEnglish() throws Exception {
        submitFixAndEdit(unscripted, "en", "Title in French");
    }

    @Test
    void withoutJavaScriptTheSameWorksInFrench() throws Exception {
        submitFixAndEdit(unscripted, "fr", "Titre en français");
    }

    @Test
    void axeFindsNothingOnTheFormEmptyOrWithProblemsInBothLanguages() throws Exception {
        for (String lang : new String[] {"fr", "en"}) {
            scripted.get(api.server.uri("/submit/?lang=" + lang).toString());
            assertThat(Axe.violations(scripted)).as("axe on the empty form, " + lang).isEmpty();
            screenshot(scripted, "form-empty-" + lang);
            scripted.findElement(By.cssSelector("main form button[type=submit]")).click();
            wait(scripted).until(d -> d.getTitle().startsWith(lang.equals("fr") ? "Erreur" : "Error"));
            assertThat(scripted.findElements(By.cssSelector("#problems li"))).hasSizeGreaterThan(2);
            assertThat(Axe.violations(scripted)).as("axe on the form with problems, " + lang).isEmpty();
            screenshot(scripted, "form-problems-" + lang);
        }
    }

    private void submitFixAndEdit(WebDriver driver, String lang, String titleLabel) throws Exception {
        int before = api.store.list(SubmissionFilter.ALL).size();
        driver.get(api.server.uri("/submit/?lang=" + lang).toString());
        new Select(driver.findElement(By.id("f-kind"))).selectByValue("discussion");
        driver.findElement(By.id("f-title-en")).sendKeys("Discussion on the winning films");
        driver.findElement(By.cssSelector("input[name='schedule.type'][value=tba]")).click();
        driver.findElement(By.cssSelector("input[name='place.type'][value=online]")).click();
        driver.findElement(By.id("f-online-url")).sendKeys("https://example.org/discussion");
        new Select(driver.findElement(By.id("f-online-platform"))).selectByValue("zoom");
        new Select(driver.findElement(By.id("f-partners-0-partnerId"))).selectByValue("ceci");
        new Select(driver.findElement(By.id("f-partners-0-role"))).selectByValue("organizer");
        driver.findElement(By.cssSelector("input[name=languages][value=fr]")).click();
        driver.findElement(By.id("f-submitter-organisation")).sendKeys("CECI");
        driver.findElement(By.id("f-submitter-email")).sendKeys("programme@example.org");
        // The French title, which the program requires, is left out.
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        wait(driver).until(d -> !d.findElements(By.id("problems")).isEmpty());
        assertThat(api.store.list(SubmissionFilter.ALL)).hasSize(before);
        WebElement summary = driver.findElement(By.id("problems"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(summary);
        WebElement link = summary.findElement(By.cssSelector("a[href='#f-title-fr']"));
        assertThat(link.getText()).startsWith(titleLabel);
        WebElement title = driver.findElement(By.id("f-title-fr"));
        assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
        // What was typed is still there.
        assertThat(driver.findElement(By.id("f-title-en")).getAttribute("value"))
                .isEqualTo("Discussion on the winning films");
        screenshot(driver, "form-problem-" + lang + (driver == scripted ? "-js" : "-nojs"));

        link.click();
        assertThat(driver.switchTo().activeElement()).isEqualTo(title);
        title.sendKeys("Discussion sur les films primés");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        wait(driver).until(d -> d.getCurrentUrl().contains("/submit/status/"));
        assertThat(driver.findElement(By.cssSelector(".state")).getText())
                .isEqualTo(lang.equals("fr") ? "En attente" : "Pending");
        assertThat(driver.findElement(By.cssSelector(".keep code")).getText())
                .isEqualTo(driver.getCurrentUrl().substring(0, driver.getCurrentUrl().indexOf('?')));
        assertThat(api.store.list(SubmissionFilter.ALL)).hasSize(before + 1);
        if (driver == scripted) {
            assertThat(Axe.violations(driver)).as("axe on the status page with its forms").isEmpty();
        }
        screenshot(driver, "status-" + lang + (driver == scripted ? "-js" : "-nojs"));

        // Edited from the status page.
        WebElement edited = driver.findElement(By.cssSelector("#edit ~ form #f-title-en"));
        edited.clear();
        edited.sendKeys("Discussion about the winning films");
        driver.findElement(By.cssSelector("#edit ~ form button[type=submit]")).click();
        wait(driver).until(d -> d.findElements(By.cssSelector(".history tbody tr")).size() == 2);
        assertThat(api.store.list(SubmissionFilter.ALL).get(0).activity().title().en())
                .isEqualTo("Discussion about the winning films");
        assertThat(api.store.list(SubmissionFilter.ALL).get(0).state()).isEqualTo(SubmissionState.PENDING);
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, HeadlessChromium.PATIENCE);
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
