package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.json.ProgramReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The feeds for the widget's filters, the activities' calendar files and the "add to my calendar" menu. */
class FeedsTest {

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theCalendarFeedHasTheSameActivitiesAsTheList() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.ics?region=04&kind=screening");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWithIgnoringCase("text/calendar");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        ICalendar calendar = Biweekly.parse(response.body()).first();
        assertThat(calendar.getEvents()).extracting(e -> e.getUid().getValue()).containsExactlyInAnyOrder(
                "soiree-courts-metrages-engages-2020@jqsi", "loin-de-bachar-2020@jqsi", "dheepan-2020@jqsi");
        assertThat(calendar.getEvents()).extracting(e -> e.getSummary().getValue())
                .contains("Loin de Bachar");
        assertThat(response.body().replace("\r\n ", ""))
                .contains("X-WR-CALNAME:Programme des JQSI 2020")
                .contains("SOURCE;VALUE=URI:" + server.uri("/widget/feed.ics?kind=screening&lang=fr&region=04"));
    }

    @Test
    void theWidgetLinksToAStableSubscriptionAddress() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/?region=Mauricie&page=1&layout=compact").body());
        assertThat(page.select(".jqsi-feeds a").eachText()).containsExactly("Agenda (iCalendar, .ics)",
                "Données (JSON)", "Données liées (JSON-LD, schema.org)");
        Element ics = page.selectFirst(".jqsi-feeds a[type=text/calendar]");
        assertThat(ics.attr("href")).isEqualTo(server.uri("/widget/feed.ics?lang=fr&region=04").toString());
        assertThat(page.selectFirst(".jqsi-feeds a[type=application/json]").attr("href"))
                .isEqualTo(server.uri("/widget/feed.json?lang=fr&region=04").toString());
        assertThat(server.get(ics.attr("href").substring(ics.attr("href").indexOf("/widget/"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void calendarsLeaveOutActivitiesToBeAnnouncedAndSpeakTheRequestsLanguage() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.ics?edition=all&lang=en");
        ICalendar calendar = Biweekly.parse(response.body()).first();
        assertThat(calendar.getEvents()).hasSize(5);
        assertThat(calendar.getEvents()).extracting(e -> e.getSummary().getValue())
                .contains("Far from Bashar");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("en");
    }

    /**
     * RFC 5545 §3.6 wants a component in every calendar: a feed of no event (a region with no activity, an edition
     * whose activities are all to be announced) holds the VTIMEZONE of the zone it names.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"region=17", "edition=jqsi-2021", "edition=jqsi-2021&lang=en"})
    void aCalendarOfNoEventStillHoldsItsTimeZone(String query) throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.ics?" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        List<List<ParseWarning>> warnings = new ArrayList<>();
        List<ICalendar> calendars = Biweekly.parse(response.body()).warnings(warnings).all();
        assertThat(calendars).singleElement().satisfies(calendar -> {
            assertThat(calendar.getEvents()).isEmpty();
            assertThat(calendar.getTimezoneInfo().getComponents()).singleElement()
                    .extracting(zone -> zone.getTimezoneId().getValue()).isEqualTo("America/Toronto");
        });
        assertThat(warnings).allSatisfy(parsing -> assertThat(parsing).isEmpty());
        String unfolded = response.body().replace("\r\n ", "");
        assertThat(unfolded).contains("X-WR-TIMEZONE:America/Toronto\r\n")
                .contains("\r\nBEGIN:VTIMEZONE\r\nTZID:America/Toronto\r\n").doesNotContain("BEGIN:VEVENT")
                .endsWith("END:VTIMEZONE\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void theJsonFeedIsAProgramFileThatReadsBackValid() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.json?free=true");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWithIgnoringCase("application/json");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        ProgramData data = new ProgramReader().read(response.body(), "feed.json");
        assertThat(data.activities()).extracting(Activity::id)
                .containsExactly(SampleProgram.LOIN_DE_BACHAR, SampleProgram.DHEEPAN);
        assertThat(data.editions()).extracting(e -> e.id()).containsExactly(SampleProgram.EDITION_2020);
        assertThat(data.partners()).extracting(p -> p.id()).contains("aqoci", "cs3r").doesNotContain("ceci");
    }

    @Test
    void theJsonLdFeedIsAnItemListOfEventsLinkedToTheirPages() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.jsonld?edition=all&lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWithIgnoringCase("application/ld+json");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.body())
                .startsWith("{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\",\"numberOfItems\":5,")
                .contains("\"name\":\"Far from Bashar\"")
                .contains("\"url\":\"" + server.uri("/widget/activities/loin-de-bachar-2020?lang=en") + "\"")
                .doesNotContain(SampleProgram.CECI_DISCUSSION_1);
    }

    @Test
    void feedsHaveValidators() throws Exception {
        for (String feed : List.of("/widget/feed.ics?region=04", "/widget/feed.json?region=04",
                "/widget/feed.jsonld?region=04")) {
            HttpResponse<String> response = server.get(feed);
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            assertThat(server.get(feed, "If-None-Match", etag).statusCode()).as(feed).isEqualTo(304);
            assertThat(server.get(feed + "&lang=en", "If-None-Match", etag).statusCode()).as(feed).isEqualTo(200);
        }
    }

    @Test
    void feedErrorsAreJsonInTheRequestsLanguage() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.json?region=99&from=never");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWithIgnoringCase("application/json");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.body()).isEqualTo("{\"status\":400,\"error\":\"Cette demande ne peut pas être traitée\","
                + "\"problems\":[{\"parameter\":\"region\",\"message\":\"région inconnue « 99 » : utilisez un code de "
                + "01 à 17 ou le nom d’une région du Québec.\"},{\"parameter\":\"from\",\"message\":\"date invalide "
                + "« never » : utilisez le format AAAA-MM-JJ.\"}]}");
        HttpResponse<String> english = server.get("/widget/feed.ics?q=%3Cb%3E", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).isEqualTo("{\"status\":400,\"error\":\"This request cannot be processed\","
                + "\"problems\":[{\"parameter\":\"q\",\"message\":\"the search may not contain markup or control "
                + "characters.\"}]}");
    }

    @Test
    void eachDatedActivityHasItsOwnCalendarFile() throws Exception {
        HttpResponse<String> response = server.get("/widget/activities/migration-panel-missing.ics");
        assertThat(response.statusCode()).isEqualTo(404);
        HttpResponse<String> panel = server.get("/widget/activities/panel-migration-histoire-de-solidarite-2020.ics");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"panel-migration-histoire-de-solidarite-2020.ics\"");
        List<VEvent> events = Biweekly.parse(panel.body()).first().getEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("Migration : une histoire de solidarité");
        assertThat(server.get("/widget/activities/" + SampleProgram.CECI_DISCUSSION_1 + ".ics").statusCode())
                .isEqualTo(404);
    }

    @Test
    void eachDatedActivityHasAnAddToMyCalendarMenu() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/?lang=en").body());
        Element menu = WidgetServletTest.activity(page, SampleProgram.MIGRATION_PANEL)
                .selectFirst("details.jqsi-calendar");
        // Each menu and link names its activity for screen readers; the visible words stay short.
        assertThat(menu.selectFirst("summary").text())
                .isEqualTo("Add to my calendar — Migration: a story of solidarity");
        assertThat(menu.selectFirst("summary").ownText()).isEqualTo("Add to my calendar");
        // The list carries the calendar file and a link to the activity's page for the other calendars, not
        // Google's and Outlook's links, which repeat the whole description URL-encoded.
        List<String> links = menu.select("a").eachAttr("href");
        assertThat(links).containsExactly(
                server.uri("/widget/activities/panel-migration-histoire-de-solidarite-2020.ics?lang=en").toString(),
                server.uri("/widget/activities/panel-migration-histoire-de-solidarite-2020?lang=en#jqsi-calendar")
                        .toString());
        assertThat(page.select("a[href^=https://calendar.google.com], a[href^=https://outlook.live.com]")).isEmpty();

        Document activity = Jsoup.parse(server.get(
                "/widget/activities/panel-migration-histoire-de-solidarite-2020?lang=en").body());
        Element full = activity.selectFirst("details.jqsi-calendar#jqsi-calendar");
        List<String> all = full.select("a").eachAttr("href");
        assertThat(all).hasSize(3);
        assertThat(all.get(0)).isEqualTo(
                server.uri("/widget/activities/panel-migration-histoire-de-solidarite-2020.ics?lang=en").toString());
        assertThat(all.get(1)).startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE")
                .contains("ctz=America%2FToronto");
        assertThat(all.get(2)).startsWith("https://outlook.live.com/calendar/0/action/compose?");
        assertThat(full.select("a[target=_blank]")).hasSize(2);
    }

    @Test
    void aRangeIsMarkedUpAsOneAndTextInTheOtherLanguageSaysSo() throws Exception {
        Document english = Jsoup.parse(server.get("/widget/?lang=en").body());
        Element shorts = WidgetServletTest.activity(english, "soiree-courts-metrages-engages-2020");
        assertThat(shorts.select(".jqsi-when time").eachAttr("datetime"))
                .containsExactly("2020-11-06T19:30:00-05:00", "2020-11-06T21:30:00-05:00");
        assertThat(shorts.selectFirst(".jqsi-when").text()).isEqualTo("7:30 p.m. to 9:30 p.m.");
        Element dheepan = WidgetServletTest.activity(english, SampleProgram.DHEEPAN);
        assertThat(dheepan.select(".jqsi-when time").eachAttr("datetime"))
                .containsExactly("2020-11-13", "2020-11-15");
        // A title with no English is marked French, wherever it is read, link names included.
        assertThat(dheepan.select(".jqsi-vh [lang=fr]")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.text()).isEqualTo("Dheepan"));
    }

    @Test
    void eachListPageTitleSaysWhatItShows() throws Exception {
        assertThat(Jsoup.parse(server.get("/widget/?lang=fr").body()).title()).isEqualTo("Programme des JQSI 2020");
        assertThat(Jsoup.parse(server.get("/widget/?lang=fr&region=04&kind=exhibition&q=monde").body()).title())
                .isEqualTo("Programme des JQSI 2020 — Mauricie, Exposition, « monde »");
        assertThat(Jsoup.parse(server.get("/widget/?lang=en&free=true").body()).title())
                .isEqualTo("JQSI 2020 program — Free only");
        assertThat(Jsoup.parse(server.get("/widget/nope?lang=en").body()).title())
                .isEqualTo("Page not found — JQSI program");
    }
}
