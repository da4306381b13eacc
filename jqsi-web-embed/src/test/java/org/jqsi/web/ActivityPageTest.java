package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An activity's own page, and how activities the sample does not have are shown: cancelled, elsewhere, hostile. */
class ActivityPageTest {

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.defaults());
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.replaceAll(a -> a.id().equals(SampleProgram.MIGRATION_PANEL)
                ? a.toBuilder().status(Status.CANCELLED).build() : a);
        activities.add(Activity.builder("soiree-iles-2020")
                .edition(SampleProgram.EDITION_2020)
                .kind(org.jqsi.core.model.ActivityKind.CONCERT)
                .title(LocalizedText.of("Soirée aux Îles", "Evening on the Islands"))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2020, 11, 7, 20, 0), ZoneId.of("America/Halifax")))
                .place(new Place.Venue("Salle Jean-Gaudet", new org.jqsi.core.model.Address(null,
                        "Les Îles-de-la-Madeleine", null), null))
                .region(Region.GASPESIE_ILES_DE_LA_MADELEINE)
                .admission(Admission.paid(new Price(new java.math.BigDecimal("10"), null),
                        new Price(new java.math.BigDecimal("7.50"), LocalizedText.of("étudiants", "students"))))
                .registration(new Registration(true, URI.create("https://billets.example.org/iles"), null,
                        java.time.LocalDate.of(2020, 11, 5)))
                .link(new org.jqsi.core.model.Link(URI.create("https://iles.example.org/soiree"),
                        LocalizedText.fr("Programme de la soirée")))
                .link(new org.jqsi.core.model.Link(URI.create("https://video.example.org/bande-annonce"), null))
                .build());
        // A program that skipped validation: the widget must stay safe with whatever it is given.
        activities.add(Activity.builder("hostile-2020")
                .edition(SampleProgram.EDITION_2020)
                .kind(org.jqsi.core.model.ActivityKind.OTHER)
                .title(LocalizedText.fr("<script>alert('titre')</script> & \"guillemets\""))
                .description(LocalizedText.fr("<img src=x onerror=alert(1)>"))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2020, 11, 8, 10, 0), Region.EASTERN))
                .place(new Place.Online(URI.create("javascript:alert(document.domain)"), null, null))
                .registration(new Registration(true, URI.create("data:text/html,%3Cscript%3Ealert(1)%3C/script%3E"), null,
                        null))
                .person(new Person("</li><script>alert(2)</script>", PersonRole.SPEAKER, null))
                .link(new org.jqsi.core.model.Link(URI.create("javascript:alert(3)"),
                        LocalizedText.fr("<b>lien</b>")))
                .region(Region.MAURICIE)
                .build());
        server.serve(Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void showsTheActivityWithItsFullDateTheQuebecWay() throws Exception {
        HttpResponse<String> response = server.get("/widget/activities/loin-de-bachar-2020");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        // The title says which activity and which program: tabs and bookmarks tell pages apart.
        assertThat(page.title()).isEqualTo("Loin de Bachar — Programme des JQSI 2020");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Loin de Bachar");
        assertThat(page.selectFirst(".jqsi-when time").text()).isEqualTo("mardi 10 novembre 2020, 19 h 30");
        assertThat(page.select(".jqsi-when time")).hasSize(1);
        assertThat(page.selectFirst(".jqsi-edition").text()).isEqualTo("JQSI 2020 (24e édition)");
        assertThat(page.selectFirst(".jqsi-back a").attr("href"))
                .isEqualTo(server.uri("/widget/?edition=jqsi-2020&lang=fr").toString());
        assertThat(page.selectFirst(".jqsi-description").text()).startsWith("Loin de Bachar dresse le portrait");
    }

    @Test
    void aTitleThatCouldEndTheScriptElementReadsBackFromItsJsonLd() throws Exception {
        String title = "</script><script>alert(1)</script> \"guillemets\" & l\u2028igne\u2029 fin";
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.replaceAll(a -> a.id().equals(SampleProgram.LOIN_DE_BACHAR)
                ? a.toBuilder().title(LocalizedText.fr(title)).build() : a);
        try (WidgetServer hostile = WidgetServer.start(WidgetSettings.defaults())) {
            hostile.serve(Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities)));

            Document page = Jsoup.parse(hostile.get("/widget/activities/" + SampleProgram.LOIN_DE_BACHAR).body());

            // The frame script and the JSON-LD: the title opened no script of its own.
            assertThat(page.select("script")).hasSize(2);
            String json = page.selectFirst("script[type=application/ld+json]").data();
            assertThat(json).doesNotContain("<").doesNotContain("&").doesNotContain("\u2028")
                    .contains("\\u003C/script\\u003E").doesNotContain("\\\\");
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("name").asText())
                    .isEqualTo(title);
        }
    }

    @Test
    void carriesItsSchemaOrgEventAllowedByItsHashAlone() throws Exception {
        HttpResponse<String> response = server.get("/widget/activities/loin-de-bachar-2020");
        Document page = Jsoup.parse(response.body());
        Element script = page.selectFirst("script[type=application/ld+json]");
        String json = script.data();
        assertThat(json).startsWith("{\"@context\":\"https://schema.org\",\"@type\":\"Event\",\"name\":\"Loin de Bachar\"")
                .contains("\"startDate\":\"2020-11-10T19:30:00-05:00\"")
                .contains("\"eventAttendanceMode\":\"https://schema.org/OnlineEventAttendanceMode\"");
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self' 'sha256-" + hash + "';");
        // Activities to be announced are no Event: no JSON-LD, and no hash in the policy.
        HttpResponse<String> undated = server.get("/widget/activities/" + SampleProgram.CECI_DISCUSSION_1);
        assertThat(Jsoup.parse(undated.body()).select("script[type=application/ld+json]")).isEmpty();
        assertThat(undated.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("sha256");
    }

    @Test
    void inEnglish() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/activities/loin-de-bachar-2020?lang=en").body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Far from Bashar");
        assertThat(page.selectFirst(".jqsi-when time").text()).isEqualTo("Tuesday, November 10, 2020, 7:30 p.m.");
        assertThat(page.selectFirst(".jqsi-edition").text()).isEqualTo("JQSI 2020 (24th edition)");
    }

    @Test
    void aCancelledActivityIsStruckWithItsStatusNotHidden() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/").body());
        Element panel = WidgetServletTest.activity(page, SampleProgram.MIGRATION_PANEL);
        assertThat(panel.hasClass("jqsi-activity--cancelled")).isTrue();
        assertThat(panel.selectFirst("h3 s").text()).isEqualTo("Migration : une histoire de solidarité");
        assertThat(panel.selectFirst(".jqsi-status").text()).isEqualTo("Annulé");
        Document english = Jsoup.parse(server.get("/widget/?lang=en").body());
        assertThat(WidgetServletTest.activity(english, SampleProgram.MIGRATION_PANEL).selectFirst(".jqsi-status")
                .text()).isEqualTo("Cancelled");
    }

    @Test
    void namesTheZoneWhenItIsNotEasternTime() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/").body());
        Element islands = WidgetServletTest.activity(page, "soiree-iles-2020");
        assertThat(islands.selectFirst(".jqsi-when").text()).isEqualTo("20 h (heure de l’Atlantique)");
        assertThat(islands.selectFirst("time").attr("datetime")).isEqualTo("2020-11-07T20:00:00-04:00");
        assertThat(WidgetServletTest.activity(page, SampleProgram.LOIN_DE_BACHAR).select(".jqsi-zone")).isEmpty();
        Document english = Jsoup.parse(server.get("/widget/?lang=en").body());
        assertThat(WidgetServletTest.activity(english, "soiree-iles-2020").selectFirst(".jqsi-when").text())
                .isEqualTo("8:00 p.m. (Atlantic Time)");
    }

    @Test
    void showsPricesRegistrationLinksAndVenues() throws Exception {
        Element islands = WidgetServletTest.activity(Jsoup.parse(server.get("/widget/").body()), "soiree-iles-2020");
        assertThat(islands.select(".jqsi-fact--admission dd").text()).isEqualTo("10 $, 7,50 $ (étudiants)");
        assertThat(islands.select(".jqsi-fact--place dd").text())
                .isEqualTo("Salle Jean-Gaudet, Les Îles-de-la-Madeleine");
        // The link's name says which activity it registers for, to a screen reader listing the page's links.
        assertThat(islands.select(".jqsi-fact--registration dd").text())
                .isEqualTo("Inscription requise avant le 5 novembre 2020 S’inscrire — "
                        + islands.selectFirst(".jqsi-title").text());
        assertThat(islands.selectFirst(".jqsi-fact--registration a .jqsi-vh").text())
                .isEqualTo("— " + islands.selectFirst(".jqsi-title").text());
        Element register = islands.selectFirst(".jqsi-fact--registration a");
        assertThat(register.attr("href")).isEqualTo("https://billets.example.org/iles");
        assertThat(register.attr("rel")).isEqualTo("noopener noreferrer");
        Element english = WidgetServletTest.activity(Jsoup.parse(server.get("/widget/?lang=en").body()),
                "soiree-iles-2020");
        assertThat(english.select(".jqsi-fact--admission dd").text()).isEqualTo("$10, $7.50 (students)");
    }

    @Test
    void showsTheActivitysLinksOnItsOwnPageNamedByTheirLabelOrTheirHost() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/activities/soiree-iles-2020").body());
        Element links = page.selectFirst(".jqsi-fact--links");
        assertThat(links.selectFirst("dt").text()).isEqualTo("En savoir plus");
        assertThat(links.select("a").eachAttr("href"))
                .containsExactly("https://iles.example.org/soiree", "https://video.example.org/bande-annonce");
        assertThat(links.select("a").eachText()).containsExactly("Programme de la soirée", "video.example.org");
        assertThat(links.select("a").eachAttr("rel")).containsOnly("noopener noreferrer");
        // The English page says the French label is French.
        Element english = Jsoup.parse(server.get("/widget/activities/soiree-iles-2020?lang=en").body())
                .selectFirst(".jqsi-fact--links");
        assertThat(english.selectFirst("dt").text()).isEqualTo("More");
        assertThat(english.select("a").get(0).attr("lang")).isEqualTo("fr");
        // A host is no word of any language: no lang attribute.
        assertThat(english.select("a").get(1).hasAttr("lang")).isFalse();
        // Lists stay light: the links are on the activity's page only.
        Element inList = WidgetServletTest.activity(Jsoup.parse(server.get("/widget/").body()), "soiree-iles-2020");
        assertThat(inList.select(".jqsi-fact--links")).isEmpty();
    }

    @Test
    void escapesTheProgramsTextAndDropsLinksThatAreNotWebAddresses() throws Exception {
        for (String path : List.of("/widget/", "/widget/activities/hostile-2020")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as(path)
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x")
                    .doesNotContain("href=\"javascript:")
                    .doesNotContain("href=\"data:text");
            Document page = Jsoup.parse(response.body());
            Element hostile = page.getElementById("jqsi-a-hostile-2020").closest("article");
            assertThat(hostile.selectFirst(".jqsi-title").text())
                    .isEqualTo("<script>alert('titre')</script> & \"guillemets\"");
            // Only the calendar services' own addresses open elsewhere; the program's links are gone.
            assertThat(hostile.select("a[target=_blank]").eachAttr("href")).allSatisfy(href -> assertThat(href)
                    .matches("https://(calendar\\.google\\.com|outlook\\.live\\.com)/.*"));
            assertThat(page.select("a[href]").eachAttr("href"))
                    .allSatisfy(href -> assertThat(href).matches("https?://.*"));
            assertThat(page.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
            for (Element jsonLd : page.select("script[type=application/ld+json]")) {
                assertThat(jsonLd.data()).doesNotContain("<").doesNotContain(">");
            }
        }
    }
}
