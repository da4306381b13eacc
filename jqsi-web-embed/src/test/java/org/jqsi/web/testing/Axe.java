package org.jqsi.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core, the accessibility rules engine, run in the page the driver is on (its open shadow roots
 * included; a cross-origin frame is checked by switching into it and running it there). The script is the one
 * Deque ships in its Selenium jar ({@code axe.min.js}); its Java runner is not used, for what it brings along.
 */
public final class Axe {

    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The violations of WCAG 2.x A and AA (and axe's best practices) in the current page, one line each: the
     * rule, what it asks, and the elements that break it. Empty when there is none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // Not inside a page's CSP: WebDriver's scripts run as the browser's own.
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'], iframes: false,
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

    /** The rules' version, for messages. */
    public static String version(WebDriver driver) {
        Object version = ((JavascriptExecutor) driver).executeScript("return window.axe && axe.version");
        return String.valueOf(version);
    }

}
