package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.HostileProgram;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The XSS corpus ({@link HostileProgram#XSS}) in every text field of a program and in every query parameter: every
 * page the widget renders, parsed with jsoup as a browser would, holds no script, event handler, script or data URL,
 * frame, object, base or refresh that the widget did not put there itself.
 */
class WidgetXssTest {

    /** Every parameter the widget reads, and one it does not. */
    private static final List<String> PARAMETERS = List.of("edition", "region", "kind", "theme", "partner", "from",
            "to", "mode", "free", "lang", "language", "q", "page", "layout", "fragment", "unknown");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "poster", "background", "srcset", "srcdoc", "ping", "cite", "longdesc", "manifest", "codebase");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.defaults());
        server.serve(Program.of(HostileProgram.of(HostileProgram.XSS)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyTextFieldOfTheProgramIsInertOnEveryPage() throws Exception {
        int size = HostileProgram.XSS.size();
        List<String> paths = new ArrayList<>();
        for (int page = 1; page <= (size + 19) / 20; page++) {
            for (String lang : List.of("fr", "en")) {
                paths.add("/widget/?page=" + page + "&lang=" + lang);
                paths.add("/widget/?page=" + page + "&lang=" + lang + "&fragment=1");
                paths.add("/widget/?page=" + page + "&lang=" + lang + "&layout=compact");
            }
        }
        for (int i = 0; i < size; i++) {
            paths.add("/widget/activities/hostile-" + i);
            paths.add("/widget/activities/hostile-" + i + "?lang=en");
        }
        int scripts = 0;
        for (String path : paths) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            scripts += assertInert(path, response.body());
        }
        // Not vacuous: the payloads are on the pages, as text.
        String first = server.get("/widget/activities/hostile-0").body();
        assertThat(Jsoup.parse(first).select("h1").text()).isEqualTo(HostileProgram.XSS.get(0));
        assertThat(scripts).as("the widget's own scripts").isPositive();
    }

    @Test
    void everyQueryParameterIsInertOnPagesAndErrors() throws Exception {
        int checked = 0;
        for (String parameter : PARAMETERS) {
            for (String payload : HostileProgram.XSS) {
                for (String extra : List.of("", "&fragment=1")) {
                    String path = "/widget/?" + parameter + "=" + encode(payload) + extra;
                    HttpResponse<String> response = server.get(path);
                    assertThat(response.statusCode()).as(path).isIn(200, 400);
                    assertInert(path, response.body());
                    checked++;
                }
            }
        }
        // Activity pages and the 404 page echo their path and parameters too.
        for (String payload : HostileProgram.XSS) {
            for (String path : List.of("/widget/activities/" + encode(payload), "/widget/" + encode(payload),
                    "/widget/activities/hostile-1?lang=" + encode(payload))) {
                HttpResponse<String> response = server.get(path);
                assertThat(response.statusCode()).as(path).isIn(200, 400, 404);
                assertInert(path, response.body());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(PARAMETERS.size() * HostileProgram.XSS.size() * 2
                + HostileProgram.XSS.size() * 3);
    }

    /** Checks one page; returns how many of the widget's own scripts it has. */
    private static int assertInert(String path, String html) throws Exception {
        Document page = Jsoup.parse(html, server.uri("/widget/").toString());
        int own = 0;
        for (Element script : page.select("script")) {
            String src = script.attr("src");
            if ("application/ld+json".equals(script.attr("type")) && src.isEmpty()) {
                // Data, never run; and it must be one JSON value that the page did not break out of.
                JSON.readTree(script.data());
                continue;
            }
            assertThat(src).as("%s: a script that is not the widget's own: %s", path, script.outerHtml())
                    .startsWith(server.uri("/widget/assets/").toString());
            assertThat(script.attributes().size()).as(path + ": " + script.outerHtml()).isLessThanOrEqualTo(2);
            assertThat(script.data()).as(path).isEmpty();
            own++;
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("%s: an event handler in %s", path, element.outerHtml()).doesNotStartWith("on");
                if (URL_ATTRIBUTES.contains(name)) {
                    String url = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    boolean icon = element.tagName().equals("link") && element.attr("rel").equals("icon")
                            && attribute.getValue().equals("data:,");
                    if (!icon) {
                        assertThat(url).as("%s: a script or data URL in %s", path, element.outerHtml())
                                .doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
                                .doesNotStartWith("data:");
                    }
                }
                assertThat(name).as(path).isNotEqualTo("srcdoc");
            }
        }
        for (String forbidden : List.of("iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg",
                "math", "style", "template", "meta[http-equiv]:not([http-equiv=Content-Type])", "img", "video", "audio", "source", "input[autofocus]",
                "details[ontoggle]", "textarea", "button[formaction]", "link[rel=import]", "link[rel=stylesheet]"
                        + ":not([href^=\"" + server.uri("/widget/assets/") + "\"])")) {
            assertThat(page.select(forbidden)).as("%s: %s that the widget does not make", path, forbidden).isEmpty();
        }
        for (Element meta : page.select("meta")) {
            // Jetty's own error page (an ambiguous path is refused before the widget) names its charset this way.
            assertThat(meta.hasAttr("charset") || Set.of("viewport", "referrer").contains(meta.attr("name"))
                    || meta.attr("http-equiv").equals("Content-Type"))
                    .as(path + ": " + meta.outerHtml()).isTrue();
        }
        for (Element form : page.select("form")) {
            assertThat(form.absUrl("action")).as(path).startsWith(server.uri("/widget/").toString());
        }
        return own;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
