package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jqsi.core.program.Program;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.web.testing.Axe;
import org.jqsi.web.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget on partners' pages that a second server serves from another origin ({@link PartnerSite}), in one
 * headless Chromium for the whole class, at a phone's 320 px and a desktop's 1280 px: hostile CSS and a flex
 * container, two widgets on one page, inline with the keyboard alone (at both widths), a site the widget refuses to
 * be framed by and a frame that gets a proxy's error page (the link shown by 5 s on the page's clock), the widget's
 * own error page in its frame, a host's CSS that still limits the frame (the console says so),
 * {@code <script type="module">}, navigation that keeps the partner's filters, the frame's layout shift; and
 * axe-core on every kind of page the widget shows, with no violation. Screenshots go to
 * {@code target/screenshots/}.
 */
class PartnerPagesInChromiumTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Finds the element that has the focus, through shadow roots. */
    private static final String DEEP_ACTIVE = """
            var a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
            return a;""";

    private static PartnerSite partner;
    private static WidgetServer server;
    private static WidgetServer refusing;
    private static GatewayDownSite down;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled(PartnerPagesInChromiumTest.class);
        partner = PartnerSite.start();
        server = WidgetServer.start(WidgetSettings.builder()
                .frameAncestors(List.of("'self'", partner.origin())).build());
        // The library's default: only its own site may frame it.
        refusing = WidgetServer.start(WidgetSettings.defaults());
        down = GatewayDownSite.start(server.get("/widget/embed.js").body());
        partner.with("WIDGET", server.uri("/widget/").toString())
                .with("REFUSING", refusing.uri("/widget/").toString())
                .with("DOWN", down.uri("/widget/").toString());
        Files.createDirectories(SCREENSHOTS);
        driver = HeadlessChromium.open(HeadlessChromium.options());
        wait = new WebDriverWait(driver, HeadlessChromium.PATIENCE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        for (AutoCloseable closing : new AutoCloseable[] {server, refusing, down, partner}) {
            if (closing != null) {
                closing.close();
            }
        }
    }

    @BeforeEach
    void wide() {
        viewport(1280, 900);
        driver.manage().logs().get(LogType.BROWSER);
    }

    @Test
    void twoWidgetsOnAHostilePageKeepTheirOwnLookAndSize() throws Exception {
        driver.get(partner.uri("two-widgets.html").toString());
        WebElement frame = wait.until(d -> d.findElement(By.cssSelector("#row iframe")));
        SearchContext shadow = inlineWidget("inline", 5);

        // Inherited properties of the host stop at the widget.
        Map<String, Object> title = style(shadow.findElement(By.cssSelector(".jqsi-title a")));
        assertThat(title).containsEntry("textTransform", "none").containsEntry("letterSpacing", "normal")
                .containsEntry("fontStyle", "normal").containsEntry("whiteSpace", "normal");
        Map<String, Object> root = style(shadow.findElement(By.cssSelector(".jqsi")));
        assertThat(root.get("textAlign")).isIn("start", "left");
        // The host's 30 px root size does not make the widget's text 30 px.
        assertThat(root.get("fontSize")).isEqualTo("16px");

        // The frame fills its flex row, and its height beats the host's iframe { height: 150px !important }.
        WebElement row = driver.findElement(By.id("row"));
        assertThat(frame.getSize().getWidth()).isGreaterThan(row.getSize().getWidth() - 20);
        int height = fitsItsContent(frame);
        assertThat(height).isGreaterThan(600);
        assertNoSidewaysScroll();
        screenshot("partner-01-hostile-1280");

        assertThat(Axe.violations(driver)).as("axe on the host page and its inline widget").isEmpty();
        driver.switchTo().frame(frame);
        assertThat(Axe.violations(driver)).as("axe in the frame").isEmpty();
        driver.switchTo().defaultContent();
        assertNoConsoleErrors();
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndTheFiltersFold() throws Exception {
        viewport(320, 640);
        driver.get(partner.uri("two-widgets.html").toString());
        WebElement frame = wait.until(d -> d.findElement(By.cssSelector("#row iframe")));
        SearchContext shadow = inlineWidget("inline", 5);
        fitsItsContent(frame);
        assertNoSidewaysScroll();
        // The inline widget's filters: one control, folded.
        WebElement toggle = shadow.findElement(By.cssSelector("details.jqsi-filterbox > summary"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(shadow.findElement(By.cssSelector("#jqsi-kind")).isDisplayed()).isFalse();
        screenshot("partner-02-hostile-320");

        driver.switchTo().frame(frame);
        assertNoSidewaysScroll();
        // Each fact's label above its value: no label cut in the middle of a word.
        WebElement label = driver.findElement(By.cssSelector(".jqsi-facts dt"));
        WebElement value = driver.findElement(By.cssSelector(".jqsi-facts dd"));
        assertThat(value.getLocation().getX()).isEqualTo(label.getLocation().getX());
        assertThat(value.getLocation().getY()).isGreaterThan(label.getLocation().getY());
        WebElement summary = driver.findElement(By.cssSelector("details.jqsi-filterbox > summary"));
        assertThat(summary.getText()).isEqualTo("Filtres (1)");
        assertThat(driver.findElement(By.id("jqsi-region")).isDisplayed()).isFalse();
        summary.click();
        wait.until(d -> d.findElement(By.id("jqsi-region")).isDisplayed());
        assertNoSidewaysScroll();
        assertThat(Axe.violations(driver)).as("axe in the frame at 320 px").isEmpty();
        driver.switchTo().defaultContent();
        screenshot("partner-03-filters-open-320");

        // The widget's own pages at 320 px (and so at 400 % zoom of 1280 px), with long facts.
        for (String page : List.of("/widget/?edition=all&lang=fr", "/widget/activities/loin-de-bachar-2020?lang=en",
                "/widget/activities/soiree-courts-metrages-engages-2020?lang=fr")) {
            driver.get(server.uri(page).toString());
            wait.until(d -> !d.findElements(By.cssSelector("h1")).isEmpty());
            assertNoSidewaysScroll();
        }
        assertNoConsoleErrors();
    }

    @Test
    void inlineWithTheKeyboardAloneKeepsFocusAndAnnouncesResults() throws Exception {
        driver.get(partner.uri("inline.html").toString());
        SearchContext shadow = inlineWidget("programme", 7);
        WebElement live = shadow.findElement(By.cssSelector(":host > [role=status]"));
        js().executeScript("arguments[0].dataset.kept = 'yes'", live);

        tabTo("jqsi-kind");
        new Actions(driver).sendKeys("Exhib").perform();
        tabTo("jqsi-submit");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> shadow.findElements(By.cssSelector(".jqsi-activity")).size() == 1);
        // Focus went to the result, the same live region says it, and the partner's page stayed.
        wait.until(d -> "jqsi-count".equals(deepActive().getAttribute("class")));
        assertThat(live.getAttribute("data-kept")).isEqualTo("yes");
        assertThat((String) js().executeScript("return arguments[0].textContent", live)).contains("1 activity");
        assertThat(driver.getCurrentUrl()).isEqualTo(partner.uri("inline.html").toString());

        // The activity opens inside the widget, and its way back keeps the filter.
        tabTo(null);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> shadow.findElements(By.cssSelector("h1.jqsi-title")).size() == 1);
        assertThat(deepActive().getTagName()).isEqualTo("h1");
        assertThat(driver.getCurrentUrl()).isEqualTo(partner.uri("inline.html").toString());
        assertThat(shadow.findElement(By.cssSelector(".jqsi-back a")).getAttribute("href")).contains("kind=exhibition");
        screenshot("partner-04-inline-activity");
        assertThat(Axe.violations(driver)).as("axe on the inline activity").isEmpty();

        shadow.findElement(By.cssSelector(".jqsi-back a")).sendKeys(Keys.ENTER);
        // The list again (the activity's page has no filter form).
        wait.until(d -> shadow.findElements(By.cssSelector(".jqsi-activity")).size() == 1
                && !shadow.findElements(By.cssSelector("#jqsi-kind")).isEmpty());
        assertThat(shadow.findElement(By.cssSelector("#jqsi-kind option[selected]")).getAttribute("value"))
                .isEqualTo("exhibition");
        assertNoConsoleErrors();
    }

    @Test
    void inlineOnAPhoneWithTheKeyboardAloneOpensTheFiltersAndKeepsFocus() throws Exception {
        viewport(320, 640);
        driver.get(partner.uri("inline.html").toString());
        SearchContext shadow = inlineWidget("programme", 7);
        assertNoSidewaysScroll();
        WebElement live = shadow.findElement(By.cssSelector(":host > [role=status]"));
        js().executeScript("arguments[0].dataset.kept = 'yes'", live);

        // The folded filters open from their one control, with Enter.
        tabUntil(active -> "summary".equals(active.getTagName()), "the filters' control");
        assertThat(deepActive().getText()).isEqualTo("Filters (1)");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> shadow.findElement(By.cssSelector("#jqsi-kind")).isDisplayed());
        assertNoSidewaysScroll();
        tabTo("jqsi-kind");
        new Actions(driver).sendKeys("Exhib").perform();
        tabTo("jqsi-submit");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> shadow.findElements(By.cssSelector(".jqsi-activity")).size() == 1);
        wait.until(d -> "jqsi-count".equals(deepActive().getAttribute("class")));
        assertThat(live.getAttribute("data-kept")).isEqualTo("yes");
        assertThat((String) js().executeScript("return arguments[0].textContent", live)).contains("1 activity");
        assertThat(driver.getCurrentUrl()).isEqualTo(partner.uri("inline.html").toString());
        assertNoSidewaysScroll();
        screenshot("partner-05-inline-keyboard-320");
        assertThat(Axe.violations(driver)).as("axe on the inline widget at 320 px").isEmpty();
        assertNoConsoleErrors();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 320})
    void whenTheWidgetRefusesToBeFramedThePartnerShowsALink(int width) throws Exception {
        viewport(width, 800);
        WebElement link = fallbackWithinFiveSeconds("refused.html");
        assertThat(link.getText()).isEqualTo("Voir le programme des JQSI");
        assertThat(link.getAttribute("href")).isEqualTo(refusing.uri("/widget/?region=04&lang=fr").toString());
        assertThat(driver.findElements(By.cssSelector("iframe"))).isEmpty();
        assertNoSidewaysScroll();
        assertThat(Axe.violations(driver)).isEmpty();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 320})
    void whenTheFrameGetsAnErrorPageThePartnerShowsALink(int width) throws Exception {
        viewport(width, 800);
        // The widget's server is down behind its proxy, which still serves embed.js: the frame gets a 502 page.
        WebElement link = fallbackWithinFiveSeconds("gateway-down.html");
        assertThat(link.getText()).isEqualTo("Voir le programme des JQSI");
        assertThat(link.getAttribute("href")).isEqualTo(down.uri("/widget/?region=04&lang=fr").toString());
        assertThat(driver.findElements(By.cssSelector("iframe"))).isEmpty();
        assertNoSidewaysScroll();
        assertThat(Axe.violations(driver)).isEmpty();
    }

    @Test
    void theWidgetsOwnErrorPageStaysInItsFrameAndSaysWhatToFix() throws Exception {
        // A partner's typo (data-kind="concerts"): the widget's 400 page speaks, so it is no fallback case.
        driver.get(partner.uri("typo.html").toString());
        WebElement frame = wait.until(d -> d.findElement(By.cssSelector("#programme iframe")));
        fitsItsContent(frame);
        driver.switchTo().frame(frame);
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isNotBlank();
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("concerts");
        assertThat(Axe.violations(driver)).as("axe on the error page in its frame").isEmpty();
        driver.switchTo().defaultContent();
        // Still the frame, well after the moment a silent frame would have been replaced.
        js().executeAsyncScript("var done = arguments[arguments.length - 1]; setTimeout(done, 2000);");
        assertThat(driver.findElements(By.cssSelector("#programme iframe"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".jqsi-fallback"))).isEmpty();
    }

    @Test
    void whenTheHostsCssStillLimitsTheFrameTheConsoleSaysHowToFixIt() throws Exception {
        driver.get(partner.uri("limited.html").toString());
        WebElement frame = wait.until(d -> d.findElement(By.cssSelector("#programme iframe")));
        wait.until(d -> driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .anyMatch(e -> e.getMessage().contains("max-height: none")));
        assertThat(frame.getSize().getHeight()).isEqualTo(300);
    }

    /**
     * Opens the page and returns its fallback link, once it has checked on the page's own clock (its
     * {@code performance.now()}, from the start of its navigation) that the link was in the page, and visible, by the
     * 5 seconds issue #21 allows: the widget's bound, not the machine's speed, since the widget decides 1 s after the
     * frame loads. The test's own wait is only there to catch a hang.
     */
    private WebElement fallbackWithinFiveSeconds(String page) {
        driver.get(partner.uri(page).toString());
        WebElement link = wait.until(d -> d.findElements(By.cssSelector("#programme .jqsi-fallback a")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        // Put in the page (the page's MutationObserver noted when) ...
        double shownAt = ((Number) js().executeScript("return window.fallbackShownAt")).doubleValue();
        // ... and visible at 5 s, on the same clock (waiting in the page for 5 s if it is not there yet).
        Object visibleAtFive = js().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                setTimeout(function () {
                  var link = document.querySelector('#programme .jqsi-fallback a');
                  done(link !== null && link.getClientRects().length > 0
                      && getComputedStyle(link).visibility === 'visible');
                }, Math.max(0, 5000 - performance.now()));""");
        System.out.printf("[fallback] %s: link shown %.0f ms after navigation start%n", page, shownAt);
        assertThat(shownAt).as("ms from navigation start to the fallback link on " + page).isLessThan(5000);
        assertThat(visibleAtFive).as("fallback link visible at 5 s on " + page).isEqualTo(true);
        return link;
    }

    @Test
    void aModuleScriptWorksForTwoWidgetsOnOnePage() throws Exception {
        driver.get(partner.uri("module.html").toString());
        WebElement first = wait.until(d -> d.findElement(By.cssSelector("#first iframe")));
        WebElement second = wait.until(d -> d.findElement(By.cssSelector("#second iframe")));
        assertThat(first.getAttribute("src")).contains("region=04");
        assertThat(second.getAttribute("src")).contains("kind=panel").contains("lang=en");
        fitsItsContent(first);
        fitsItsContent(second);
        driver.switchTo().frame(second);
        assertThat(driver.findElements(By.cssSelector(".jqsi-activity"))).hasSize(1);
        driver.switchTo().defaultContent();
        assertNoConsoleErrors();
    }

    @Test
    void navigationKeepsThePartnersFiltersAndTheFrameDoesNotShiftThePage() throws Exception {
        driver.get(partner.uri("framed.html").toString());
        WebElement frame = wait.until(d -> d.findElement(By.cssSelector("iframe")));
        fitsItsContent(frame);
        // The second visit reserves the height the frame had: the footer does not jump.
        driver.navigate().refresh();
        frame = wait.until(d -> d.findElement(By.cssSelector("iframe")));
        fitsItsContent(frame);
        assertThat(layoutShift()).as("cumulative layout shift").isLessThan(0.1);

        driver.switchTo().frame(frame);
        int listed = driver.findElements(By.cssSelector(".jqsi-activity")).size();
        driver.findElement(By.cssSelector(".jqsi-activity .jqsi-title a")).click();
        wait.until(d -> !d.findElements(By.cssSelector("h1.jqsi-title")).isEmpty());
        String back = driver.findElement(By.cssSelector(".jqsi-back a")).getAttribute("href");
        assertThat(back).contains("region=04").contains("free=true").contains("lang=fr");
        assertThat(driver.findElement(By.cssSelector(".jqsi-lang a")).getAttribute("href"))
                .contains("region=04").contains("free=true").contains("lang=en");
        driver.findElement(By.cssSelector(".jqsi-back a")).click();
        wait.until(d -> d.findElements(By.cssSelector(".jqsi-activity")).size() == listed);

        // A bad value: the error page's links keep the filters that read.
        driver.get(server.uri("/widget/?region=04&free=true&kind=nope&lang=fr").toString());
        String errorBack = wait.until(d -> d.findElement(By.cssSelector(".jqsi-back a"))).getAttribute("href");
        assertThat(errorBack).contains("region=04").contains("free=true").doesNotContain("nope");
        driver.switchTo().defaultContent();
    }

    @Test
    void everyKindOfPagePassesAxeAtBothWidths() throws Exception {
        // Each kind in both languages: list, empty, filtered, compact, activity, refused request, unknown page.
        List<String> pages = List.of(
                "/widget/?lang=fr",
                "/widget/?lang=en&edition=all",
                "/widget/?lang=fr&q=aucune-activite-ne-dit-cela",
                "/widget/?lang=en&q=no-activity-says-this",
                "/widget/?lang=en&region=04&kind=exhibition",
                "/widget/?lang=fr&region=04&free=true",
                "/widget/?lang=fr&layout=compact",
                "/widget/?lang=en&layout=compact&region=04",
                "/widget/activities/loin-de-bachar-2020?lang=fr",
                "/widget/activities/dheepan-2020?lang=en&region=04",
                "/widget/?lang=fr&kind=nope",
                "/widget/?lang=en&kind=nope&from=2020-13-01",
                "/widget/activities/nope?lang=en",
                "/widget/activities/nope?lang=fr");
        // With pictures and accessibility information too (the sample has none; its pictures do not load here).
        List<String> withPictures = List.of(
                "/widget/?lang=en",
                "/widget/?lang=fr&accessibility=captions",
                "/widget/activities/loin-de-bachar-2020?lang=fr",
                "/widget/activities/dheepan-2020?lang=en");
        List<String> found = new ArrayList<>();
        for (int width : new int[] {1280, 320}) {
            viewport(width, 800);
            for (String page : pages) {
                checkWithAxe(page, width, found);
            }
            server.serve(PicturesProgram.of());
            try {
                for (String page : withPictures) {
                    checkWithAxe(page, width, found);
                }
            } finally {
                server.serve(Program.of(ProgramFileSource.sample().read()));
            }
        }
        assertThat(found).as("axe-core " + Axe.version(driver)).isEmpty();
    }

    private void checkWithAxe(String page, int width, List<String> found) {
        driver.get(server.uri(page).toString());
        wait.until(d -> !d.findElements(By.cssSelector("h1")).isEmpty());
        Axe.violations(driver).forEach(v -> found.add(width + " px " + page + ": " + v));
    }

    // ---

    /** The inline widget in the element with that id, once it shows that many activities. */
    private static SearchContext inlineWidget(String id, int activities) {
        return wait.until(d -> {
            SearchContext root = d.findElement(By.id(id)).getShadowRoot();
            return root.findElements(By.cssSelector(".jqsi-activity")).size() == activities ? root : null;
        });
    }

    /** Presses Tab until the focus is on the element with that id, or on the first activity's link for null. */
    private void tabTo(String id) {
        tabUntil(active -> id == null
                ? (Boolean) js().executeScript("return arguments[0].closest('.jqsi-title') !== null", active)
                : id.equals(active.getAttribute("id")), String.valueOf(id));
    }

    /** Presses Tab until the element that has the focus is {@code reached}. */
    private void tabUntil(java.util.function.Predicate<WebElement> reached, String what) {
        for (int i = 0; i < 60; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (reached.test(deepActive())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }

    private WebElement deepActive() {
        return (WebElement) js().executeScript(DEEP_ACTIVE);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> style(WebElement element) {
        return (Map<String, Object>) js().executeScript("""
                var s = getComputedStyle(arguments[0]);
                return { textTransform: s.textTransform, letterSpacing: s.letterSpacing, fontStyle: s.fontStyle,
                    whiteSpace: s.whiteSpace, textAlign: s.textAlign, fontSize: s.fontSize };""", element);
    }

    private static void viewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private void assertNoSidewaysScroll() {
        Object overflow = js().executeScript(
                "var e = document.scrollingElement; return e.scrollWidth - e.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("sideways overflow of " + driver.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    private int fitsItsContent(WebElement frame) {
        wait.until(d -> {
            d.switchTo().frame(frame);
            long content = (Long) js().executeScript("return Math.ceil(document.body.getBoundingClientRect().height)");
            d.switchTo().defaultContent();
            return Math.abs(frame.getSize().getHeight() - content) <= 2;
        });
        return frame.getSize().getHeight();
    }

    /** The page's cumulative layout shift so far, as Chromium reports it. */
    private double layoutShift() {
        Object sum = js().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var total = 0;
                new PerformanceObserver(function (list) {
                  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) { total += e.value; } });
                }).observe({ type: 'layout-shift', buffered: true });
                setTimeout(function () { done(total); }, 500);""");
        return ((Number) sum).doubleValue();
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
