package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.jqsi.web.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end: a partner's page pastes the {@code embed.js} snippet, and a real headless Chromium (Debian's
 * {@code chromium} and {@code chromedriver}, nothing downloaded, nothing but 127.0.0.1) shows the widget, filters it,
 * switches its language and fits the frame to it, with no error in the console. Screenshots go to
 * {@code target/screenshots/}.
 */
class EmbedInChromiumTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WidgetServer server;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled(EmbedInChromiumTest.class);
        Path host = Path.of(EmbedInChromiumTest.class.getResource("/host/index.html").toURI()).getParent();
        server = WidgetServer.start(WidgetSettings.defaults(), host);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        driver = HeadlessChromium.open(HeadlessChromium.options());
        wait = new WebDriverWait(driver, HeadlessChromium.PATIENCE);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aPartnerPageShowsFiltersAndSwitchesTheWidget() throws Exception {
        driver.get(server.uri("/index.html").toString());
        WebElement frame = wait.until(d -> d.findElement(By.cssSelector("#programme iframe")));
        assertThat(frame.getAttribute("title")).isEqualTo("Programme des JQSI");

        driver.switchTo().frame(frame);
        wait.until(d -> d.findElements(By.cssSelector(".jqsi-activity")).size() == 5);
        assertThat(texts(driver, ".jqsi-activity .jqsi-title")).contains("Loin de Bachar", "Dheepan",
                "Migration : une histoire de solidarité");
        assertThat(texts(driver, "section.jqsi-day > h2")).first().isEqualTo("vendredi 6 novembre 2020");
        // The host's theme reached the widget; the host's own rules did not.
        String linkColour = (String) js().executeScript(
                "return getComputedStyle(document.querySelector('.jqsi-title a')).color");
        assertThat(linkColour).isEqualTo("rgb(106, 27, 77)");
        driver.switchTo().defaultContent();
        fitsItsContent(frame);
        assertThat(driver.findElement(By.cssSelector("h1")).getCssValue("color")).isEqualTo("rgba(139, 0, 0, 1)");
        screenshot("01-partner-page-fr");

        // Filter with the form, as a visitor would.
        driver.switchTo().frame(frame);
        new Select(driver.findElement(By.id("jqsi-kind"))).selectByValue("exhibition");
        driver.findElement(By.cssSelector(".jqsi-filters button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector(".jqsi-activity")).size() == 1);
        assertThat(texts(driver, ".jqsi-activity .jqsi-title")).containsExactly(
                "Vernissage virtuel de l'exposition « Changer le monde, une œuvre à la fois »");
        driver.switchTo().defaultContent();
        int filteredHeight = fitsItsContent(frame);
        screenshot("02-filtered-exhibitions");

        // Switch to English: the filters stay.
        driver.switchTo().frame(frame);
        driver.findElement(By.cssSelector(".jqsi-lang a")).click();
        wait.until(d -> "en-CA".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("JQSI 2020 program");
        assertThat(texts(driver, ".jqsi-activity .jqsi-title")).containsExactly(
                "Virtual opening of the exhibition “Changer le monde, une œuvre à la fois”");
        assertThat(texts(driver, "section.jqsi-day > h2")).containsExactly("Wednesday, November 11, 2020");
        driver.switchTo().defaultContent();
        fitsItsContent(frame);
        screenshot("03-english");

        // Back to everything, with the keyboard alone: tab to the search field, type, press Enter.
        driver.switchTo().frame(frame);
        driver.findElement(By.cssSelector(".jqsi-actions a")).click();
        wait.until(d -> d.findElements(By.cssSelector(".jqsi-activity")).size() == 5);
        new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("jqsi-q");
        String outline = driver.switchTo().activeElement().getCssValue("outline-style");
        assertThat(outline).isEqualTo("solid");
        new Actions(driver).sendKeys("bachar").sendKeys(Keys.ENTER).perform();
        wait.until(d -> d.findElements(By.cssSelector(".jqsi-activity")).size() == 1);
        assertThat(texts(driver, ".jqsi-activity .jqsi-title")).containsExactly("Far from Bashar");
        driver.switchTo().defaultContent();
        assertThat(fitsItsContent(frame)).isLessThan(filteredHeight + 400);
        screenshot("04-keyboard-search");

        assertNoConsoleErrors();
    }

    @Test
    void inlineModeShowsTheWidgetInTheHostPageItself() throws Exception {
        driver.get(server.uri("/inline.html").toString());
        SearchContext shadow = wait.until(d -> {
            SearchContext root = d.findElement(By.id("programme")).getShadowRoot();
            return root.findElements(By.cssSelector(".jqsi-activity")).size() == 7 ? root : null;
        });
        assertThat(shadow.findElements(By.cssSelector(".jqsi-day--undated .jqsi-activity"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("iframe"))).isEmpty();
        // The widget's CSS stays in its shadow root: the host's heading keeps its colour.
        assertThat(driver.findElement(By.cssSelector("h1")).getCssValue("color")).isEqualTo("rgba(139, 0, 0, 1)");
        screenshot("05-inline-en");

        new Select(shadow.findElement(By.cssSelector("#jqsi-kind"))).selectByValue("panel");
        shadow.findElement(By.cssSelector(".jqsi-filters button[type=submit]")).click();
        wait.until(d -> shadow.findElements(By.cssSelector(".jqsi-activity")).size() == 1);
        assertThat(driver.getCurrentUrl()).endsWith("/inline.html");
        screenshot("06-inline-filtered");

        assertNoConsoleErrors();
    }

    @Test
    void anActivityPageWithItsJsonLdBreaksNoContentSecurityPolicy() throws Exception {
        driver.get(server.uri("/widget/activities/loin-de-bachar-2020?lang=fr").toString());
        wait.until(d -> !d.findElements(By.cssSelector("h1")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("Loin de Bachar");
        Object type = js().executeScript("return JSON.parse(document.querySelector("
                + "'script[type=\"application/ld+json\"]').textContent)['@type']");
        assertThat(type).isEqualTo("Event");
        // The calendar menu opens with the keyboard.
        driver.findElement(By.cssSelector("details.jqsi-calendar summary")).sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.cssSelector("details.jqsi-calendar")).getAttribute("open")).isNotNull();
        screenshot("07-activity-page");
        assertNoConsoleErrors();
    }

    private int fitsItsContent(WebElement frame) {
        wait.until(d -> {
            driver.switchTo().frame(frame);
            long content = (Long) js().executeScript(
                    "return Math.ceil(document.body.getBoundingClientRect().height)");
            driver.switchTo().defaultContent();
            return Math.abs(frame.getSize().getHeight() - content) <= 2;
        });
        return frame.getSize().getHeight();
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(errors).as("console errors and warnings").isEmpty();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
