package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionState;
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

/**
 * What a submitter does on the status page, over real HTTP, on the real store: edit while it is pending or changes
 * are requested (the same form, filled), withdraw after confirming, each with its token; nothing once it is
 * reviewed.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class StatusFormsTest {

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    private ApiOnDatabase api;
    private FormBrowser browser;

    @BeforeEach
    void start() throws Exception {
        api = ApiOnDatabase.start(kind, directory, SubmitSettings.defaults());
        browser = new FormBrowser(api.server);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** Submits through the form; the status page's address. */
    private String submitted() throws Exception {
        HttpResponse<String> response = browser.submit(SubmissionFormTest.filled(browser.open("/submit/")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private Submission kept() {
        return api.store.list(SubmissionFilter.ALL).get(0);
    }

    @Test
    void aPendingSubmissionIsEditedThroughTheSameFormFilled() throws Exception {
        String status = submitted();
        Document page = browser.open(status);
        FormBrowser.Form edit = FormBrowser.form(page, "#edit ~ form");
        // Filled with what was submitted, and without the submitter, who stays who they are.
        assertThat(edit.get("title.fr")).isEqualTo("Atelier sur le commerce équitable");
        assertThat(edit.get("schedule.start")).isEqualTo("2021-11-10T19:00");
        assertThat(edit.get("place.type")).isEqualTo("hybrid");
        assertThat(edit.get("venue.municipality")).isEqualTo("Trois-Rivières");
        assertThat(edit.get("partners.0.partnerId")).isEqualTo("cs3r");
        assertThat(edit.get("price.amount")).isEqualTo("12.5");
        assertThat(edit.get("admission")).isEqualTo("paid");
        assertThat(edit.get("registration.required")).isEqualTo("yes");
        assertThat(edit.get("action")).isEqualTo("edit");
        assertThat(edit.get("submitter.email")).isNull();
        assertThat(edit.action).isEqualTo(status);
        String activityId = kept().activity().id();

        HttpResponse<String> response = browser.submit(edit.set("title.fr", "Atelier sur le commerce juste")
                .set("schedule.start", "2021-11-11T19:00").set("schedule.end", "2021-11-11T21:00"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(status);
        Submission edited = kept();
        assertThat(edited.activity().title().fr()).isEqualTo("Atelier sur le commerce juste");
        assertThat(edited.activity().id()).isEqualTo(activityId);
        assertThat(edited.state()).isEqualTo(SubmissionState.PENDING);
        assertThat(edited.history()).extracting(SubmissionEvent::action)
                .containsExactly(SubmissionAction.SUBMIT, SubmissionAction.EDIT);
        assertThat(edited.submitter().email()).isEqualTo("programme@example.org");
        assertThat(browser.open(status).select(".history tbody tr")).hasSize(2);
    }

    @Test
    void anEditWithProblemsComesBackOnTheStatusPageAndChangesNothing() throws Exception {
        String status = submitted();
        FormBrowser.Form edit = FormBrowser.form(browser.open(status), "#edit ~ form")
                .set("title.en", "Changed").set("online.url", "javascript:alert(1)");
        HttpResponse<String> response = browser.submit(edit);
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#problems a").eachAttr("href")).containsExactly("#f-online-url");
        assertThat(page.getElementById("f-title-en").val()).isEqualTo("Changed");
        assertThat(page.getElementById("f-online-url").val()).isEqualTo("javascript:alert(1)");
        assertThat(page.getElementById("f-online-url").attr("aria-invalid")).isEqualTo("true");
        assertThat(kept().history()).hasSize(1);
        assertThat(kept().activity().title().en()).isEqualTo("Fair trade workshop");
    }

    @Test
    void whatTheFormDoesNotShowIsKeptThroughAnEdit() throws Exception {
        // An activity sent through the API with parts the form has no field for.
        String json = SubmissionApiTest.ACTIVITY.replace("\"status\": \"scheduled\"}",
                "\"status\": \"scheduled\", \"accessibility\": [\"wheelchair\"],"
                        + " \"links\": [{\"url\": \"https://example.org/programme\"}],"
                        + " \"people\": [{\"name\": \"Pascal Sanchez\", \"role\": \"director\","
                        + " \"description\": {\"fr\": \"cinéaste\"}}]}");
        HttpResponse<String> created = api.server.post(SubmissionApiTest.body(json));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String status = created.headers().firstValue("Location").orElseThrow();
        FormBrowser.Form edit = FormBrowser.form(browser.open(status), "#edit ~ form");
        HttpResponse<String> response = browser.submit(edit.set("title.en", "Fair trade, again"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        Submission edited = kept();
        assertThat(edited.activity().title().en()).isEqualTo("Fair trade, again");
        assertThat(edited.activity().accessibility()).containsExactly(AccessibilityFeature.WHEELCHAIR);
        assertThat(edited.activity().links()).hasSize(1);
        assertThat(edited.activity().people()).singleElement()
                .satisfies(p -> assertThat(p.description().fr()).isEqualTo("cinéaste"));
    }

    @Test
    void whenChangesAreRequestedTheNoteShowsAndAnEditMakesItPendingAgain() throws Exception {
        String status = submitted();
        Submission submission = kept();
        api.store.act(submission.id(), submission.version(), SubmissionAction.REQUEST_CHANGES,
                "coordination@cs3r.example", "Précisez la salle.", null, api.server.clock.instant());
        Document page = browser.open(status);
        assertThat(page.selectFirst(".note").text()).isEqualTo("Précisez la salle.");
        assertThat(page.text()).doesNotContain("coordination@cs3r.example");
        HttpResponse<String> response = browser.submit(FormBrowser.form(page, "#edit ~ form")
                .set("venue.name", "Salle Louis-Philippe-Poisson"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(kept().state()).isEqualTo(SubmissionState.PENDING);
    }

    @Test
    void aWithdrawalNeedsItsBoxTickedThenTheSubmissionIsReadOnly() throws Exception {
        String status = submitted();
        FormBrowser.Form withdraw = FormBrowser.form(browser.open(status), "#withdraw ~ form");
        assertThat(withdraw.get("action")).isEqualTo("withdraw");
        HttpResponse<String> unconfirmed = browser.submit(withdraw);
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(unconfirmed.body());
        assertThat(page.getElementById("f-confirm").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("e-f-confirm").text()).contains("Cochez la case");
        assertThat(kept().state()).isEqualTo(SubmissionState.PENDING);

        HttpResponse<String> confirmed = browser.submit(FormBrowser.form(page, "#withdraw ~ form")
                .set("confirm", "yes"));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(kept().state()).isEqualTo(SubmissionState.WITHDRAWN);
        assertThat(kept().history().get(1).actor()).isEqualTo(SubmissionEvent.SUBMITTER);
        Document after = browser.open(status);
        assertThat(after.select("form")).isEmpty();
        assertThat(after.selectFirst(".state").text()).isEqualTo("Retirée");
    }

    @Test
    void onceReviewedTheStatusPageIsReadOnlyAndAnEditIsRefused() throws Exception {
        String status = submitted();
        FormBrowser.Form edit = FormBrowser.form(browser.open(status), "#edit ~ form");
        Submission submission = kept();
        api.store.act(submission.id(), submission.version(), SubmissionAction.REFUSE, "cli:admin",
                "Hors thème.", null, api.server.clock.instant());
        Document page = browser.open(status);
        assertThat(page.select("form")).isEmpty();
        assertThat(page.selectFirst(".note").text()).isEqualTo("Hors thème.");

        HttpResponse<String> late = browser.submit(edit.set("title.fr", "Trop tard"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(late.body()).selectFirst(".notice").text()).contains("ne peut plus être modifiée");
        assertThat(kept().state()).isEqualTo(SubmissionState.REFUSED);
        assertThat(kept().activity().title().fr()).isEqualTo("Atelier sur le commerce équitable");
    }

    @Test
    void anEditOnAStaleVersionIsAConflictAndKeepsWhatWasTyped() throws Exception {
        String status = submitted();
        FormBrowser.Form first = FormBrowser.form(browser.open(status), "#edit ~ form");
        FormBrowser.Form second = FormBrowser.form(browser.open(status), "#edit ~ form");
        assertThat(browser.submit(first.set("title.fr", "Premier")).statusCode()).isEqualTo(303);
        HttpResponse<String> stale = browser.submit(second.set("title.fr", "Second"));
        assertThat(stale.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(stale.body());
        assertThat(page.selectFirst(".notice").text()).contains("a changé depuis");
        assertThat(page.getElementById("f-title-fr").val()).isEqualTo("Second");
        assertThat(kept().activity().title().fr()).isEqualTo("Premier");
        // Sent again from that page, it is taken.
        assertThat(browser.submit(FormBrowser.form(page, "#edit ~ form")).statusCode()).isEqualTo(303);
        assertThat(kept().activity().title().fr()).isEqualTo("Second");
    }

    @Test
    void editsAndWithdrawalsNeedTheirToken() throws Exception {
        String status = submitted();
        Document page = browser.open(status);
        for (FormBrowser.Form form : List.of(FormBrowser.form(page, "#edit ~ form").set("title.fr", "Piraté"),
                FormBrowser.form(page, "#withdraw ~ form").set("confirm", "yes"))) {
            assertThat(browser.submit(form.remove("csrf")).statusCode()).isEqualTo(403);
            assertThat(new FormBrowser(api.server).submit(FormBrowser.form(page, "#withdraw ~ form")
                    .set("confirm", "yes")).statusCode()).isEqualTo(403);
        }
        assertThat(kept().history()).hasSize(1);
        assertThat(kept().activity().title().fr()).isEqualTo("Atelier sur le commerce équitable");
    }

    @Test
    void anEditWithAnExpiredTokenComesBackAsTypedAndChangesNothing() throws Exception {
        String status = submitted();
        FormBrowser.Form edit = FormBrowser.form(browser.open(status), "#edit ~ form").set("title.fr", "Plus tard");
        api.server.clock.advance(java.time.Duration.ofHours(3));
        HttpResponse<String> late = browser.submit(edit);
        assertThat(late.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(late.body());
        assertThat(page.selectFirst(".notice").text()).contains("trop longtemps");
        assertThat(page.getElementById("f-title-fr").val()).isEqualTo("Plus tard");
        assertThat(kept().history()).hasSize(1);
        assertThat(browser.submit(FormBrowser.form(page, "#edit ~ form")).statusCode()).isEqualTo(303);
        assertThat(kept().activity().title().fr()).isEqualTo("Plus tard");
    }

    @Test
    void aPostToAnUnknownStatusPageIs404() throws Exception {
        String status = submitted();
        FormBrowser.Form withdraw = FormBrowser.form(browser.open(status), "#withdraw ~ form").set("confirm", "yes");
        String elsewhere = URI.create(status).resolve("/submit/status/" + "A".repeat(43)).toString();
        HttpResponse<String> response = browser.post(elsewhere, withdraw.encoded());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(kept().state()).isEqualTo(SubmissionState.PENDING);
    }
}
