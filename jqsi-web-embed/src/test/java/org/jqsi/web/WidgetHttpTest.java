package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Caching, validators, security headers, CORS, assets and reloads. */
class WidgetHttpTest {

    private WidgetServer server;

    @BeforeEach
    void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.builder()
                .frameAncestors(List.of("'self'", "https://partner.example.org", "https://*.example.com"))
                .pageMaxAge(Duration.ofMinutes(10))
                .build());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void everyPageCarriesSecurityHeaders() throws Exception {
        for (String path : List.of("/widget/", "/widget/activities/dheepan-2020", "/widget/embed.js",
                "/widget/nope")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
                    .contains("default-src 'none'")
                    .contains("frame-ancestors 'self' https://partner.example.org https://*.example.com");
        }
        String csp = server.get("/widget/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void framingIsLimitedToTheWidgetsOwnSiteByDefault() throws Exception {
        try (WidgetServer defaults = WidgetServer.start(WidgetSettings.defaults())) {
            assertThat(defaults.get("/widget/").headers().firstValue("Content-Security-Policy").orElseThrow())
                    .endsWith("frame-ancestors 'self'");
        }
    }

    @Test
    void anActivityMovedAndMovedBackHasARaisedSequenceAndANewEtagForTheSameProgramVersion() throws Exception {
        String path = "/widget/activities/" + SampleProgram.LOIN_DE_BACHAR + ".ics";
        Program original = Program.of(org.jqsi.json.ProgramFileSource.sample().read());
        Activity film = original.activity(SampleProgram.LOIN_DE_BACHAR).orElseThrow();
        Schedule.Timed timed = (Schedule.Timed) film.schedule();
        Activity later = film.toBuilder().schedule(Schedule.Timed.at(timed.start().plusHours(1), timed.zone())).build();
        List<Activity> activities = original.activities().stream().map(a -> a == film ? later : a).toList();
        Program moved = Program.of(new ProgramData(original.editions(), original.partners(), activities));

        HttpResponse<String> first = server.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.body()).contains("SEQUENCE:0\r\n");
        server.serve(moved);
        assertThat(server.get(path).body()).contains("SEQUENCE:1\r\n");
        // The first program again, the same version as at first: the revision was never raised, the SEQUENCE is.
        server.serve(original);
        HttpResponse<String> back = server.get(path, "If-None-Match", etag);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("SEQUENCE:2\r\n");
        assertThat(back.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void pagesHaveValidatorsAndALifetime() throws Exception {
        HttpResponse<String> response = server.get("/widget/?region=04");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=600");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("fr");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(response.headers().firstValue("Last-Modified")).hasValue("Mon, 23 Nov 2026 15:00:00 GMT");

        HttpResponse<String> again = server.get("/widget/?region=04", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<String> weak = server.get("/widget/?region=04", "If-None-Match", "\"other\", W/" + etag);
        assertThat(weak.statusCode()).isEqualTo(304);

        HttpResponse<String> since = server.get("/widget/?region=04",
                "If-Modified-Since", "Mon, 23 Nov 2026 15:00:00 GMT");
        assertThat(since.statusCode()).isEqualTo(304);
        HttpResponse<String> before = server.get("/widget/?region=04",
                "If-Modified-Since", "Mon, 23 Nov 2026 14:59:59 GMT");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(server.get("/widget/?region=04", "If-Modified-Since", "garbage").statusCode()).isEqualTo(200);
    }

    @Test
    void theEtagFollowsTheQueryAndTheLanguageButNotTheirSpelling() throws Exception {
        String plain = etag("/widget/?region=04");
        assertThat(etag("/widget/?region=Mauricie&utm_source=x")).isEqualTo(plain);
        assertThat(etag("/widget/?region=04&lang=fr")).isEqualTo(plain);
        assertThat(etag("/widget/?region=04&lang=en")).isNotEqualTo(plain);
        assertThat(etag("/widget/?region=04&kind=screening")).isNotEqualTo(plain);
        assertThat(etag("/widget/?region=04&layout=compact")).isNotEqualTo(plain);
        assertThat(etag("/widget/")).isNotEqualTo(plain);
    }

    private String etag(String path) throws Exception {
        return server.get(path).headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void aReloadShowsUpOnTheNextRequestWithANewEtag() throws Exception {
        HttpResponse<String> before = server.get("/widget/");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        Activity added = Activity.builder("quiz-solidaire-2020")
                .edition(SampleProgram.EDITION_2020)
                .kind(ActivityKind.QUIZ)
                .title(LocalizedText.of("Quiz solidaire", "Solidarity quiz"))
                .schedule(Schedule.Timed.at(java.time.LocalDateTime.of(2020, 11, 9, 19, 0), Region.EASTERN))
                .region(Region.MAURICIE)
                .build();
        List<Activity> activities = new java.util.ArrayList<>(SampleProgram.activities());
        activities.add(added);
        server.serve(Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities)));

        HttpResponse<String> after = server.get("/widget/", "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(after.body()).select(".jqsi-title").eachText()).contains("Quiz solidaire");
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void aRepeatedRequestGetsTheSameBytesAndHeaders() throws Exception {
        for (String path : List.of("/widget/?region=mauricie", "/widget/feed.ics?region=mauricie",
                "/widget/feed.json", "/widget/feed.jsonld?lang=en", "/widget/activities/loin-de-bachar-2020")) {
            HttpResponse<String> first = server.get(path);
            HttpResponse<String> again = server.get(path);
            assertThat(again.statusCode()).as(path).isEqualTo(200);
            assertThat(again.body()).as(path).isEqualTo(first.body());
            for (String header : List.of("ETag", "Content-Security-Policy", "Content-Type", "Content-Language")) {
                assertThat(again.headers().allValues(header)).as(path + " " + header)
                        .isEqualTo(first.headers().allValues(header));
            }
        }
        // The activity page kept with its JSON-LD: its CSP still allows exactly that script.
        HttpResponse<String> page = server.get("/widget/activities/loin-de-bachar-2020");
        String jsonLd = Jsoup.parse(page.body()).selectFirst("script[type=application/ld+json]").data();
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(jsonLd.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("'sha256-" + hash + "'");
    }

    @Test
    void aPageOutOfRangeIsRefusedEvenAfterTheFirstPageWasKept() throws Exception {
        assertThat(server.get("/widget/?region=mauricie").statusCode()).isEqualTo(200);
        assertThat(server.get("/widget/?region=mauricie&page=40").statusCode()).isEqualTo(400);
        assertThat(server.get("/widget/?region=mauricie&page=40").statusCode()).isEqualTo(400);
    }

    @Test
    void everyProgramResponseNamesTheVersionItWasRenderedFrom() throws Exception {
        String header = "X-Jqsi-Program-Version";
        Program sample = Program.of(org.jqsi.json.ProgramFileSource.sample().read());
        for (String path : List.of("/widget/", "/widget/feed.ics", "/widget/feed.json", "/widget/feed.jsonld",
                "/widget/activities/loin-de-bachar-2020", "/widget/activities/loin-de-bachar-2020.ics")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue(header)).as(path).hasValue(sample.version());
        }
        Program next = Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                SampleProgram.activities().subList(0, 2)));
        server.serve(next);
        assertThat(server.get("/widget/feed.json").headers().firstValue(header)).hasValue(next.version());
        // A 304 names it too: the client's copy is of that version.
        String etag = etag("/widget/");
        assertThat(server.get("/widget/", "If-None-Match", etag).headers().firstValue(header))
                .hasValue(next.version());
    }

    @Test
    void assetsHaveVersionedNamesAndLiveForAYear() throws Exception {
        var page = Jsoup.parse(server.get("/widget/").body());
        String css = page.selectFirst("link[rel=stylesheet]").attr("href");
        String js = page.selectFirst("script[src]").attr("src");
        assertThat(css).matches(".*/widget/assets/widget\\.[0-9a-f]{10}\\.css");
        assertThat(js).matches(".*/widget/assets/frame\\.[0-9a-f]{10}\\.js");
        for (String asset : List.of(css, js)) {
            HttpResponse<String> response = server.get(asset.substring(asset.indexOf("/widget/")));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control"))
                    .hasValue("public, max-age=31536000, immutable");
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(server.get(asset.substring(asset.indexOf("/widget/")), "If-None-Match", etag).statusCode())
                    .isEqualTo(304);
        }
        assertThat(server.get(css.substring(css.indexOf("/widget/"))).headers().firstValue("Content-Type")
                .orElseThrow()).startsWithIgnoringCase("text/css");
    }

    @Test
    void theEmbedScriptHasAStableAddressAndAShortLifetime() throws Exception {
        HttpResponse<String> response = server.get("/widget/embed.js");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWithIgnoringCase("text/javascript");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(response.body()).contains("document.currentScript");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/widget/embed.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void theInlineFragmentIsReadableFromOtherSites() throws Exception {
        HttpResponse<String> response = server.get("/widget/?fragment=1&region=04",
                "Origin", "https://partner.example.org");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.body()).doesNotContain("<html").doesNotContain("<script");
        var fragment = Jsoup.parseBodyFragment(response.body());
        assertThat(fragment.select(".jqsi .jqsi-activity")).hasSize(5);
        assertThat(fragment.selectFirst("input[name=fragment]").val()).isEqualTo("1");
        // The full page is not readable cross-origin.
        assertThat(server.get("/widget/").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void answersPreflightsAndHeadRequests() throws Exception {
        HttpResponse<String> options = server.send("OPTIONS", "/widget/feed.json",
                "Origin", "https://partner.example.org", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "if-none-match");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(options.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD");
        assertThat(options.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .containsIgnoringCase("If-None-Match");
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        HttpResponse<String> head = server.send("HEAD", "/widget/");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isPresent();

        HttpResponse<String> post = server.send("POST", "/widget/");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void traceIsRefusedAndEchoesNothing() throws Exception {
        for (String path : List.of("/widget/", "/widget/feed.ics", "/widget/activities/dheepan-2020")) {
            HttpResponse<String> trace = server.send("TRACE", path, "Cookie", "session=secret-cookie",
                    "Authorization", "Bearer secret-token");
            assertThat(trace.statusCode()).as(path).isEqualTo(405);
            assertThat(trace.headers().firstValue("Allow")).as(path).hasValue("GET, HEAD, OPTIONS");
            assertThat(trace.body()).as(path).doesNotContain("secret-cookie").doesNotContain("secret-token");
            assertThat(trace.headers().firstValue("Content-Type").orElse("")).as(path)
                    .doesNotContain("message/http");
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> refused = server.send(method, "/widget/feed.json");
            assertThat(refused.statusCode()).as(method).isEqualTo(405);
            assertThat(refused.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD, OPTIONS");
        }
        // At an address the widget does not serve, the truth is "not found", whatever the method.
        assertThat(server.send("TRACE", "/widget/nope").statusCode()).isEqualTo(404);
        // A method HTTP does not define is not implemented, as the servlet API says.
        assertThat(server.send("BREW", "/widget/").statusCode()).isEqualTo(501);
    }

    @Test
    void optionsTellsTheTruthAboutEachAddress() throws Exception {
        // The pages are not readable from other sites: a preflight gets Allow, and no CORS grant.
        HttpResponse<String> page = server.send("OPTIONS", "/widget/activities/dheepan-2020",
                "Origin", "https://partner.example.org", "Access-Control-Request-Method", "GET");
        assertThat(page.statusCode()).isEqualTo(204);
        assertThat(page.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(page.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        // The inline fragment is, as its GET is.
        HttpResponse<String> fragment = server.send("OPTIONS", "/widget/?fragment=1&region=04",
                "Origin", "https://partner.example.org", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "if-none-match");
        assertThat(fragment.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(fragment.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .containsIgnoringCase("If-None-Match");
        assertThat(server.send("OPTIONS", "/widget/", "Origin", "https://partner.example.org",
                "Access-Control-Request-Method", "GET").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        // A plain OPTIONS, not a preflight.
        HttpResponse<String> plain = server.send("OPTIONS", "/widget/feed.ics");
        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(plain.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(plain.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(server.send("OPTIONS", "/widget/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void scriptsOnOtherSitesSeeTheValidatorsAndTheProgramVersion() throws Exception {
        for (String path : List.of("/widget/feed.json", "/widget/feed.ics", "/widget/feed.jsonld",
                "/widget/?fragment=1", "/widget/activities/dheepan-2020.ics")) {
            HttpResponse<String> response = server.get(path, "Origin", "https://partner.example.org");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).as(path)
                    .contains("ETag").contains("X-Jqsi-Program-Version");
            assertThat(response.headers().firstValue("X-Jqsi-Program-Version")).as(path).isPresent();
        }
        // An activity's calendar file that does not exist says so to the script too.
        HttpResponse<String> missing = server.get("/widget/activities/nope.ics", "Origin", "https://partner.example.org");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void restrictedCorsNamesTheAllowedOriginOnly() throws Exception {
        try (WidgetServer restricted = WidgetServer.start(WidgetSettings.builder()
                .corsOrigins(List.of("https://partner.example.org")).build())) {
            assertThat(restricted.get("/widget/?fragment=1", "Origin", "https://partner.example.org").headers()
                    .firstValue("Access-Control-Allow-Origin")).hasValue("https://partner.example.org");
            assertThat(restricted.get("/widget/?fragment=1", "Origin", "https://evil.example.net").headers()
                    .firstValue("Access-Control-Allow-Origin")).isEmpty();
            // Caches must keep one copy per origin and per language.
            HttpResponse<String> feed = restricted.get("/widget/feed.json", "Origin", "https://partner.example.org");
            assertThat(String.join(",", feed.headers().allValues("Vary")))
                    .contains("Origin").contains("Accept-Language");
        }
    }
}
