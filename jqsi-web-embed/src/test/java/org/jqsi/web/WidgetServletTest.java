package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The widget's list page, through the real servlet in Jetty. */
class WidgetServletTest {

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    static List<String> titles(Document page) {
        return page.select(".jqsi-activity .jqsi-title").eachText();
    }

    @Nested
    class WithNoFilter {

        @Test
        void showsTheMostRecentEditionWithDatedActivitiesGroupedByDayInFrench() throws Exception {
            HttpResponse<String> response = server.get("/widget/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/html;charset=UTF-8");
            Document page = page(response);
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr-CA");
            assertThat(page.selectFirst("h1").text()).isEqualTo("Programme des JQSI 2020");
            assertThat(page.select("section.jqsi-day > h2").eachText()).containsExactly(
                    "vendredi 6 novembre 2020", "mardi 10 novembre 2020", "mercredi 11 novembre 2020",
                    "jeudi 12 novembre 2020", "vendredi 13 novembre 2020");
            assertThat(page.select("section.jqsi-day > h2 > time").eachAttr("datetime")).containsExactly(
                    "2020-11-06", "2020-11-10", "2020-11-11", "2020-11-12", "2020-11-13");
            assertThat(titles(page)).hasSize(5).contains("Loin de Bachar", "Dheepan");
            assertThat(page.selectFirst(".jqsi-count").text()).isEqualTo("5 activités");
        }

        @Test
        void writesTimesTheQuebecWay() throws Exception {
            Document page = page(server.get("/widget/"));
            Element panel = activity(page, SampleProgram.MIGRATION_PANEL);
            assertThat(panel.selectFirst(".jqsi-when time").text()).isEqualTo("16 h");
            assertThat(panel.selectFirst(".jqsi-when time").attr("datetime")).isEqualTo("2020-11-12T16:00:00-05:00");
            Element films = activity(page, SampleProgram.SHORT_FILMS);
            assertThat(films.selectFirst(".jqsi-when").text()).isEqualTo("19 h 30 à 21 h 30");
            Element dheepan = activity(page, SampleProgram.DHEEPAN);
            assertThat(dheepan.selectFirst(".jqsi-when").text()).isEqualTo("Du 13 novembre 2020 au 15 novembre 2020");
            assertThat(activity(page, SampleProgram.EXHIBITION_OPENING).selectFirst(".jqsi-when").text())
                    .isEqualTo("Toute la journée");
        }

        @Test
        void showsPlaceOrganisersRegistrationAndAdmission() throws Exception {
            Document page = page(server.get("/widget/"));
            Element bachar = activity(page, SampleProgram.LOIN_DE_BACHAR);
            assertThat(bachar.select(".jqsi-fact--place dd").text()).isEqualTo("En ligne (Facebook, AQOCI)");
            assertThat(bachar.select(".jqsi-fact--credit").eachText())
                    .contains("Organisation AQOCI", "Coordination régionale CS3R");
            assertThat(bachar.select(".jqsi-fact--admission dd").text()).isEqualTo("Gratuit");
            assertThat(bachar.select(".jqsi-fact--people li").eachText()).containsExactly(
                    "Pascal Sanchez (réalisation)",
                    "Muzna Dureid (intervention), militante pour la construction de la paix en Syrie");
            Element dheepan = activity(page, SampleProgram.DHEEPAN);
            assertThat(dheepan.select(".jqsi-fact--registration dd").text()).isEqualTo("Inscription requise");
            // A person in two roles is listed once.
            assertThat(activity(page, SampleProgram.MIGRATION_PANEL).select(".jqsi-fact--people li").eachText())
                    .contains("La Bronze (animation, prestation)").hasSize(3);
        }

        @Test
        void linksEachActivityToItsPageInTheSameLanguage() throws Exception {
            Document page = page(server.get("/widget/"));
            String href = activity(page, SampleProgram.DHEEPAN).selectFirst("h3 a").attr("href");
            assertThat(href).isEqualTo(server.uri("/widget/activities/dheepan-2020?lang=fr").toString());
        }
    }

    static Element activity(Document page, String id) {
        Element title = page.getElementById("jqsi-a-" + id);
        assertThat(title).as("activity %s on the page", id).isNotNull();
        return title.closest("article");
    }

    @Nested
    class Filters {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                region=04                                   | 5
                region=Mauricie                             | 5
                region=monteregie                           | 0
                region=06&region=04                         | 5
                kind=exhibition                             | 1
                kind=screening                              | 3
                kind=screening&kind=panel                   | 4
                free=true                                   | 2
                free=on                                     | 2
                free=false                                  | 5
                from=2020-11-10&to=2020-11-11               | 2
                from=2020-11-14                             | 1
                to=2020-11-06                               | 1
                mode=online                                 | 5
                mode=in-person                              | 0
                partner=aqoci                               | 2
                q=refugies                                  | 2
                q=R%C3%89FUGI%C3%89S                        | 2
                q=La+Bronze                                 | 1
                edition=all                                 | 7
                edition=jqsi-2021                           | 2
                edition=all&theme=gender-equality           | 2
                language=fr                                 | 0
                region=&kind=&q=&from=                      | 5
                utm_source=newsletter                       | 5
                """)
        void narrowTheList(String query, int count) throws Exception {
            HttpResponse<String> response = server.get("/widget/?" + query);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(titles(page(response))).hasSize(count);
        }

        @Test
        void listActivitiesToBeAnnouncedApartWithoutADate() throws Exception {
            Document page = page(server.get("/widget/?edition=all"));
            Element undated = page.selectFirst("section.jqsi-day--undated");
            assertThat(undated.selectFirst("h2").text()).isEqualTo("Dates à venir");
            assertThat(undated.select(".jqsi-activity")).hasSize(2);
            assertThat(undated.select("time")).isEmpty();
            assertThat(undated.select(".jqsi-when").eachText()).containsOnly("Date à venir");
            assertThat(undated.select(".jqsi-calendar")).isEmpty();
        }

        @Test
        void sayWhenNothingMatches() throws Exception {
            Document page = page(server.get("/widget/?region=06"));
            assertThat(page.selectFirst(".jqsi-empty").text()).startsWith("Aucune activité ne correspond");
            assertThat(page.selectFirst(".jqsi-count").text()).isEqualTo("Aucune activité");
        }

        @Test
        void fillTheFormWithTheRequestsValues() throws Exception {
            Document page = page(server.get("/widget/?region=4&kind=screening&free=on&q=film&from=2020-11-01"));
            Element form = page.selectFirst("form.jqsi-filters");
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.attr("action")).isEqualTo(server.uri("/widget/").toString());
            assertThat(form.selectFirst("#jqsi-region option[selected]").val()).isEqualTo("04");
            assertThat(form.selectFirst("#jqsi-kind option[selected]").val()).isEqualTo("screening");
            assertThat(form.selectFirst("#jqsi-free").hasAttr("checked")).isTrue();
            assertThat(form.selectFirst("#jqsi-q").val()).isEqualTo("film");
            assertThat(form.selectFirst("#jqsi-from").val()).isEqualTo("2020-11-01");
            assertThat(form.selectFirst("input[type=hidden][name=lang]").val()).isEqualTo("fr");
            // Every control has a label.
            for (Element control : form.select("input:not([type=hidden]), select")) {
                assertThat(form.select("label[for=" + control.id() + "]")).as(control.id()).hasSize(1);
            }
        }

        @Test
        void switchToTheCompactLayoutAndKeepIt() throws Exception {
            Document full = page(server.get("/widget/"));
            assertThat(full.selectFirst("main.jqsi").hasClass("jqsi--full")).isTrue();
            Document compact = page(server.get("/widget/?layout=compact"));
            assertThat(compact.selectFirst("main.jqsi").hasClass("jqsi--compact")).isTrue();
            assertThat(compact.selectFirst("form input[type=hidden][name=layout]").val()).isEqualTo("compact");
            assertThat(compact.selectFirst(".jqsi-lang a").attr("href")).contains("layout=compact");
        }

        @Test
        void echoTheSearchOnlyEscaped() throws Exception {
            HttpResponse<String> response = server.get("/widget/?q=%22+autofocus+onfocus%3Dalert(1)+x%3D%22");
            assertThat(response.statusCode()).isEqualTo(200);
            Element field = page(response).selectFirst("#jqsi-q");
            assertThat(field.val()).isEqualTo("\" autofocus onfocus=alert(1) x=\"");
            assertThat(field.hasAttr("onfocus")).isFalse();
            assertThat(field.hasAttr("autofocus")).isFalse();
        }

        @Test
        void offerFeedsForTheSameFilters() throws Exception {
            Document page = page(server.get("/widget/?region=04&kind=screening"));
            assertThat(page.select(".jqsi-feeds a").eachAttr("href")).allSatisfy(href -> assertThat(href)
                    .contains("kind=screening").contains("region=04"));
        }
    }

    @Nested
    class Languages {

        @Test
        void englishByParameter() throws Exception {
            Document page = page(server.get("/widget/?lang=en"));
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-CA");
            assertThat(page.selectFirst("h1").text()).isEqualTo("JQSI 2020 program");
            assertThat(page.select("section.jqsi-day > h2").eachText()).contains("Thursday, November 12, 2020");
            Element panel = activity(page, SampleProgram.MIGRATION_PANEL);
            assertThat(panel.selectFirst(".jqsi-when").text()).isEqualTo("4:00 p.m.");
            assertThat(panel.selectFirst("h3").text()).isEqualTo("Migration: a story of solidarity");
            assertThat(page.selectFirst(".jqsi-count").text()).isEqualTo("5 activities");
        }

        @Test
        void englishByAcceptLanguage() throws Exception {
            HttpResponse<String> response = server.get("/widget/", "Accept-Language", "en-US,en;q=0.9,fr;q=0.5");
            assertThat(page(response).selectFirst("html").attr("lang")).isEqualTo("en-CA");
            assertThat(response.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Language"));
        }

        @Test
        void frenchWhenTheBrowserPrefersIt() throws Exception {
            HttpResponse<String> response = server.get("/widget/", "Accept-Language", "de-DE,fr-CA;q=0.8,en;q=0.5");
            assertThat(page(response).selectFirst("html").attr("lang")).isEqualTo("fr-CA");
        }

        @Test
        void frenchByDefaultAndOnAMalformedHeader() throws Exception {
            assertThat(page(server.get("/widget/", "Accept-Language", "de")).selectFirst("html").attr("lang"))
                    .isEqualTo("fr-CA");
            assertThat(page(server.get("/widget/", "Accept-Language", ";;;q=x")).selectFirst("html").attr("lang"))
                    .isEqualTo("fr-CA");
        }

        @Test
        void theParameterWinsOverTheHeader() throws Exception {
            HttpResponse<String> response = server.get("/widget/?lang=fr", "Accept-Language", "en");
            assertThat(page(response).selectFirst("html").attr("lang")).isEqualTo("fr-CA");
        }

        @Test
        void aTitleWithNoEnglishIsMarkedFrench() throws Exception {
            Document page = page(server.get("/widget/?lang=en"));
            assertThat(activity(page, SampleProgram.DHEEPAN).selectFirst("h3 a").attr("lang")).isEqualTo("fr");
        }

        @Test
        void linkToTheSamePageInTheOtherLanguage() throws Exception {
            Document page = page(server.get("/widget/?region=04"));
            Element link = page.selectFirst(".jqsi-lang a");
            assertThat(link.text()).isEqualTo("English");
            assertThat(link.attr("hreflang")).isEqualTo("en");
            assertThat(link.attr("href")).isEqualTo(server.uri("/widget/?lang=en&region=04").toString());
        }
    }

    @Nested
    class Paging {

        private WidgetServer small;

        @org.junit.jupiter.api.BeforeEach
        void start() throws Exception {
            small = WidgetServer.start(WidgetSettings.builder().pageSize(2).build());
        }

        @org.junit.jupiter.api.AfterEach
        void stop() throws Exception {
            small.close();
        }

        @Test
        void pagesThroughTheResults() throws Exception {
            Document first = page(small.get("/widget/?region=04"));
            assertThat(titles(first)).hasSize(2);
            assertThat(first.selectFirst(".jqsi-pager span").text()).isEqualTo("Page 1 de 3");
            assertThat(first.select(".jqsi-pager a[rel=prev]")).isEmpty();
            String next = first.selectFirst(".jqsi-pager a[rel=next]").attr("href");
            assertThat(next).isEqualTo(small.uri("/widget/?lang=fr&page=2&region=04").toString());

            Document last = page(small.get("/widget/?region=04&page=3"));
            assertThat(titles(last)).containsExactly("Dheepan");
            assertThat(last.select(".jqsi-pager a[rel=next]")).isEmpty();
            assertThat(last.selectFirst(".jqsi-count").text()).isEqualTo("5 activités");
        }

        @Test
        void refusesAPageOutOfRange() throws Exception {
            HttpResponse<String> response = small.get("/widget/?region=04&page=4");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(page(response).select(".jqsi-problems li").text())
                    .isEqualTo("Paramètre « page » : la page 4 n’existe pas : il y a 3 page(s).");
        }
    }
}
