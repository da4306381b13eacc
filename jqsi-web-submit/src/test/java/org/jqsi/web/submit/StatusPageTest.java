package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.web.submit.SubmissionApiTest.ACTIVITY;
import static org.jqsi.web.submit.SubmissionApiTest.JSON;
import static org.jqsi.web.submit.SubmissionApiTest.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The private status pages and the guide, over real HTTP, on the real store. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class StatusPageTest {

    private static final String HOSTILE = "</td><script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    private ApiOnDatabase api;

    @BeforeEach
    void start() throws Exception {
        api = ApiOnDatabase.start(kind, directory, SubmitSettings.defaults());
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** Submits, and returns the path of the status page. */
    private String submit(String json) throws Exception {
        HttpResponse<String> response = api.server.post(json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }

    @Test
    void showsTheStateTitleDateAndHistoryInFrenchOrEnglish() throws Exception {
        String status = submit(body(ACTIVITY));
        HttpResponse<String> fr = api.server.get(status);
        assertThat(fr.statusCode()).isEqualTo(200);
        assertThat(fr.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringCase("text/html;charset=UTF-8");
        Document page = Jsoup.parse(fr.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr-CA");
        assertThat(page.selectFirst(".state").text()).isEqualTo("En attente");
        assertThat(page.text()).contains("Atelier sur le commerce équitable", "10 novembre 2021",
                "nouvelle activité", "programme@example.org", "soumise");

        for (HttpResponse<String> en : java.util.List.of(api.server.get(status + "?lang=en"),
                api.server.get(status, "Accept-Language", "en-CA,fr;q=0.5"))) {
            Document english = Jsoup.parse(en.body());
            assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en-CA");
            assertThat(english.selectFirst(".state").text()).isEqualTo("Pending");
            assertThat(english.text()).contains("Fair trade workshop", "November 10, 2021", "new activity");
        }
    }

    @Test
    void showsTheReviewersNoteAndNeverNamesTheReviewer() throws Exception {
        String status = submit(body(ACTIVITY));
        Submission kept = api.store.list(org.jqsi.core.submission.SubmissionFilter.ALL).get(0);
        api.server.clock.advance(Duration.ofHours(2));
        api.store.act(kept.id(), kept.version(), SubmissionAction.REQUEST_CHANGES, "coordination@cs3r.example",
                "Ajoutez le lien d'inscription.", null, api.server.clock.instant());
        Document page = Jsoup.parse(api.server.get(status).body());
        assertThat(page.selectFirst(".state").text()).isEqualTo("Modifications demandées");
        assertThat(page.selectFirst(".note").text()).isEqualTo("Ajoutez le lien d'inscription.");
        assertThat(page.select(".history tbody tr")).hasSize(2);
        assertThat(page.text()).contains("l’équipe de révision").doesNotContain("coordination@cs3r.example");
    }

    @Test
    void escapesHostileTitlesOrganisationsAndNotes() throws Exception {
        String hostileActivity = ACTIVITY.replace("Atelier sur le commerce équitable",
                HOSTILE.replace("\"", "\\\""));
        String status = submit(body(hostileActivity).replace("Comité de solidarité/Trois-Rivières",
                HOSTILE.replace("\"", "\\\"")));
        Submission kept = api.store.list(org.jqsi.core.submission.SubmissionFilter.ALL).get(0);
        api.store.act(kept.id(), kept.version(), SubmissionAction.REFUSE, "cli:admin", HOSTILE + "</blockquote>",
                null, api.server.clock.instant());
        HttpResponse<String> response = api.server.get(status);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(page.selectFirst(".note").text()).isEqualTo(HOSTILE + "</blockquote>");
        assertThat(page.text()).contains(HOSTILE);
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Test
    void statusPagesAreNeitherKeptNorSentOnAsReferrerAndCarryTheSecurityHeaders() throws Exception {
        String status = submit(body(ACTIVITY));
        HttpResponse<String> response = api.server.get(status);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertSecurityHeaders(response);
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("script-src");
    }

    @Test
    void anUnknownKeyAndAMalformedOneGetTheSameNotFoundPage() throws Exception {
        submit(body(ACTIVITY));
        HttpResponse<String> unknown = api.server.get("/submit/status/" + "A".repeat(43));
        HttpResponse<String> malformed = api.server.get("/submit/status/short");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(malformed.body());
        assertThat(unknown.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Jsoup.parse(unknown.body()).selectFirst("h1").text()).isEqualTo("Page introuvable");
        assertSecurityHeaders(unknown);
    }

    @Test
    void theStatusAsJsonForPrograms() throws Exception {
        String status = submit(body(ACTIVITY));
        HttpResponse<String> response = api.server.get(status, "Accept", "application/json", "Accept-Language", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("state").asText()).isEqualTo("pending");
        assertThat(json.get("stateText").asText()).isEqualTo("pending");
        assertThat(json.get("activity").get("title").asText()).isEqualTo("Fair trade workshop");
        assertThat(json.get("history")).hasSize(1);
        assertThat(json.get("history").get(0).get("by").asText()).isEqualTo("submitter");
        assertThat(api.server.get("/submit/status/" + "A".repeat(43), "Accept", "application/json").body())
                .startsWith("{");
    }

    @Test
    void theGuideSaysHowToSubmitInBothLanguages() throws Exception {
        HttpResponse<String> fr = api.server.get("/submit/api");
        assertThat(fr.statusCode()).isEqualTo(200);
        assertSecurityHeaders(fr);
        Document french = Jsoup.parse(fr.body());
        assertThat(french.selectFirst("h1").text()).isEqualTo("Soumettre une activité au programme des JQSI");
        String endpoint = "http://127.0.0.1:" + api.server.port() + "/submit/";
        assertThat(french.text()).contains("POST " + endpoint, "curl -i -H 'Content-Type: application/json'",
                "\"editionId\": \"jqsi-2021\"", "256 Kio");
        Document english = Jsoup.parse(api.server.get("/submit/api?lang=en").body());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Submit an activity to the JQSI program");
        assertThat(english.selectFirst("nav a").attr("href")).isEqualTo("?lang=fr");
        HttpResponse<String> head = api.server.send(HttpRequest.newBuilder(api.server.uri("/submit/api"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "frame-ancestors 'none'", "style-src 'sha256-");
    }
}
