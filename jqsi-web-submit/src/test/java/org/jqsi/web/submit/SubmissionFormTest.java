package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The submission form at {@code /submit/}, over real HTTP, as a browser without scripts uses it, on the real store:
 * what it shows, what it keeps, the problems it places beside their fields, its token against cross-site requests,
 * and its honeypot.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class SubmissionFormTest {

    static final String HOSTILE = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";

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

    /** The form of the page, filled as an organiser would: a hybrid workshop with partners, people and a price. */
    static FormBrowser.Form filled(Document page) {
        return FormBrowser.form(page, "main form")
                .set("kind", "workshop")
                .set("title.fr", "Atelier sur le commerce équitable")
                .set("title.en", "Fair trade workshop")
                .set("description.fr", "Une soirée pour comprendre.\nAvec deux invitées.")
                .set("schedule.type", "timed")
                .set("schedule.start", "2021-11-10T19:00")
                .set("schedule.end", "2021-11-10T21:00")
                .set("place.type", "hybrid")
                .set("venue.name", "Salle Anaïs-Allard-Rousseau")
                .set("venue.street", "1425, place de l'Hôtel-de-Ville")
                .set("venue.municipality", "Trois-Rivières")
                .set("venue.postalCode", "G9A 5H7")
                .set("online.url", "https://example.org/atelier")
                .set("online.platform", "zoom")
                .set("region", "04")
                // The first row of partners is left empty: the rows are taken in order, without it.
                .set("partners.1.partnerId", "cs3r")
                .set("partners.1.role", "organizer")
                .set("people.0.name", "Muzna Dureid")
                .set("people.0.role", "speaker")
                .set("registration.required", "yes")
                .set("registration.url", "https://example.org/inscription")
                .set("admission", "paid")
                .set("price.amount", "12,50")
                .set("price.label", "tarif étudiant")
                .set("languages", "fr").add("languages", "en")
                .set("audiences", "general-public")
                .set("submitter.organisation", "Comité de solidarité/Trois-Rivières")
                .set("submitter.email", "programme@example.org");
    }

    @Test
    void theFormIsInFrenchFirstAndInEnglishAndEveryControlIsLabelled() throws Exception {
        HttpResponse<String> response = browser.get("/submit/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr-CA");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Proposer une activité au programme des JQSI");
        assertThat(page.select("main form input[type=text], main form input[type=email], main form input[type=url],"
                + " main form input[type=datetime-local], main form input[type=date], main form input[type=radio],"
                + " main form input[type=checkbox], main form select, main form textarea")).allSatisfy(control ->
                assertThat(page.select("label[for=" + control.id() + "]")).as(control.id()).hasSize(1));
        // The choices of the program served, and the defaults: its latest edition, a timed activity in Eastern time.
        assertThat(page.select("#f-kind option").eachAttr("value")).contains("workshop", "screening", "panel");
        assertThat(page.selectFirst("#f-editionId option[selected]").val()).isEqualTo("jqsi-2021");
        assertThat(page.selectFirst("#f-schedule-zone option[selected]").val()).isEqualTo("America/Toronto");
        assertThat(page.selectFirst("input[name=schedule.type][checked]").val()).isEqualTo("timed");
        assertThat(page.select("#f-region option").eachAttr("value")).contains("04", "17");
        assertThat(page.select("#f-partners-0-partnerId option").eachAttr("value")).contains("cs3r", "aqoci");
        assertThat(page.select("select[name$=.role][name^=partners]")).hasSize(3);
        assertThat(page.select("input[name$=.name][name^=people]")).hasSize(3);
        assertThat(page.selectFirst("label[for=f-title-fr]").text()).isEqualTo("Titre en français (obligatoire)");
        // No problem yet: no summary, nothing marked invalid.
        assertThat(page.select(".problems, [aria-invalid]")).isEmpty();

        for (Document english : List.of(browser.open("/submit/?lang=en"),
                browser.open("/submit/", "Accept-Language", "en-CA,en;q=0.9,fr;q=0.5"))) {
            assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en-CA");
            assertThat(english.selectFirst("h1").text()).isEqualTo("Propose an activity for the JQSI program");
            assertThat(english.selectFirst("label[for=f-title-fr]").text()).isEqualTo("Title in French (required)");
            assertThat(english.selectFirst("form").attr("action")).endsWith("/submit/?lang=en");
        }
    }

    @Test
    void theFormSetsAStrictHttpOnlyCookieAndCarriesASignedToken() throws Exception {
        HttpResponse<String> response = browser.get("/submit/");
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("jqsi-form=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Secure");
        String token = Jsoup.parse(response.body()).selectFirst("input[name=csrf]").val();
        assertThat(token).matches("\\d+\\.[A-Za-z0-9_-]{43}");
        // The cookie kept is not set again.
        assertThat(browser.get("/submit/").headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void behindHttpsTheCookieIsSecureWithTheHostPrefix() throws Exception {
        api.close();
        api = ApiOnDatabase.start(kind, directory.resolve("https"), SubmitSettings.builder()
                .baseUrl(URI.create("https://jqsi.example.org/submit/")).build());
        HttpResponse<String> response = new FormBrowser(api.server).get("/submit/");
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-jqsi-form=")
                .contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Domain");
    }

    @Test
    void aFilledFormIsKeptAndAnswersWithTheStatusPage() throws Exception {
        HttpResponse<String> response = browser.submit(filled(browser.open("/submit/")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("http://127\\.0\\.0\\.1:\\d+/submit/status/[A-Za-z0-9_-]{43}\\?lang=fr");

        Submission kept = api.store.list(SubmissionFilter.ALL).get(0);
        assertThat(kept.state().code()).isEqualTo("pending");
        assertThat(kept.activity().title().fr()).isEqualTo("Atelier sur le commerce équitable");
        assertThat(kept.activity().title().en()).isEqualTo("Fair trade workshop");
        assertThat(kept.activity().description().fr()).isEqualTo("Une soirée pour comprendre.\nAvec deux invitées.");
        assertThat(kept.activity().schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 10, 19, 0),
                LocalDateTime.of(2021, 11, 10, 21, 0), Region.EASTERN));
        Place.Hybrid place = (Place.Hybrid) kept.activity().place();
        assertThat(place.venue().name()).isEqualTo("Salle Anaïs-Allard-Rousseau");
        assertThat(place.venue().address().municipality()).isEqualTo("Trois-Rivières");
        assertThat(place.online().platform()).isEqualTo(OnlinePlatform.ZOOM);
        assertThat(kept.activity().region()).isEqualTo(Region.MAURICIE);
        assertThat(kept.activity().partnersIn(PartnerRole.ORGANIZER)).containsExactly("cs3r");
        assertThat(kept.activity().peopleIn(PersonRole.SPEAKER)).extracting(p -> p.name())
                .containsExactly("Muzna Dureid");
        assertThat(kept.activity().registration().required()).isTrue();
        assertThat(kept.activity().admission().prices()).singleElement().satisfies(price -> {
            assertThat(price.amount()).isEqualByComparingTo(new BigDecimal("12.50"));
            assertThat(price.label().fr()).isEqualTo("tarif étudiant");
        });
        assertThat(kept.activity().languages()).containsExactly(Locale.forLanguageTag("fr"),
                Locale.forLanguageTag("en"));
        assertThat(kept.activity().audiences()).containsExactly(Audience.GENERAL_PUBLIC);
        assertThat(kept.submitter().email()).isEqualTo("programme@example.org");

        Document status = browser.open(location);
        assertThat(status.selectFirst(".state").text()).isEqualTo("En attente");
        assertThat(status.selectFirst(".keep").text()).contains("Gardez l’adresse de cette page",
                location.substring(0, location.indexOf('?')));
    }

    @Test
    void problemsComeBackBesideTheirFieldsWithEverythingTypedKept() throws Exception {
        FormBrowser.Form form = filled(browser.open("/submit/"))
                .set("title.fr", "")
                .set("description.en", HOSTILE)
                .set("submitter.email", "pas une adresse")
                // A row of partners in the form's third row, without its role.
                .set("partners.2.partnerId", "aqoci");
        HttpResponse<String> response = browser.submit(form);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).startsWith("Erreur : ");

        Element summary = page.selectFirst("#problems");
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.selectFirst("h2").text()).endsWith("problèmes à corriger");
        assertThat(summary.select("a").eachAttr("href")).containsExactlyInAnyOrder("#f-title-fr",
                "#f-submitter-email", "#f-partners-2-role");
        for (String id : List.of("f-title-fr", "f-submitter-email", "f-partners-2-role")) {
            Element control = page.getElementById(id);
            assertThat(control.attr("aria-invalid")).as(id).isEqualTo("true");
            Element error = page.getElementById("e-" + id);
            assertThat(control.attr("aria-describedby").split(" ")).as(id).contains("e-" + id);
            assertThat(error.text()).as(id).isNotBlank().doesNotContain("Exception");
        }
        assertThat(page.getElementById("e-f-title-fr").text()).isEqualTo("Remplissez ce champ : il est obligatoire.");
        // Fields without problems are not marked.
        assertThat(page.getElementById("f-title-en").hasAttr("aria-invalid")).isFalse();
        // Everything typed is there again, as typed, escaped.
        assertThat(page.getElementById("f-title-en").val()).isEqualTo("Fair trade workshop");
        assertThat(page.getElementById("f-description-en").val()).isEqualTo(HOSTILE);
        assertThat(page.getElementById("f-description-fr").val())
                .isEqualTo("Une soirée pour comprendre.\nAvec deux invitées.");
        assertThat(page.getElementById("f-price-amount").val()).isEqualTo("12,50");
        assertThat(page.getElementById("f-submitter-email").val()).isEqualTo("pas une adresse");
        assertThat(page.selectFirst("#f-partners-2-partnerId option[selected]").val()).isEqualTo("aqoci");
        assertThat(page.select("input[name=languages][checked]").eachAttr("value")).containsExactly("fr", "en");
        assertThat(page.selectFirst("input[name=place.type][checked]").val()).isEqualTo("hybrid");
        assertThat(page.select("script")).isEmpty();

        // Fixed, but ending before it starts: the validator's rules come once the form's values read.
        HttpResponse<String> before = browser.submit(FormBrowser.form(page, "main form")
                .set("title.fr", "Atelier sur le commerce équitable").set("schedule.end", "2021-11-10T17:00")
                .set("submitter.email", "programme@example.org").set("partners.2.role", "partner"));
        assertThat(before.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(before.body());
        assertThat(again.select("#problems a").eachAttr("href")).containsExactly("#f-schedule-end");
        assertThat(again.getElementById("e-f-schedule-end").text()).contains("début");
        assertThat(again.getElementById("f-schedule-end").attr("aria-invalid")).isEqualTo("true");
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();

        // Fixed, it is kept.
        HttpResponse<String> fixed = browser.submit(FormBrowser.form(again, "main form")
                .set("schedule.end", "2021-11-10T21:00"));
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(303);
        assertThat(api.store.list(SubmissionFilter.ALL)).singleElement().satisfies(s ->
                assertThat(s.activity().partners()).extracting(p -> p.partnerId()).containsExactly("cs3r", "aqoci"));
    }

    @Test
    void problemsAreInTheFormsLanguage() throws Exception {
        HttpResponse<String> response = browser.submit(filled(browser.open("/submit/?lang=en"))
                .set("schedule.end", "2021-11-10T17:00").set("submitter.email", "nope"));
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-CA");
        assertThat(page.selectFirst("#problems h2").text()).isEqualTo("2 problems to fix");
        assertThat(page.getElementById("e-f-schedule-end").text()).contains("start");
    }

    @Test
    void aProblemNoFieldStandsForGoesToTheSummaryOnly() throws Exception {
        HttpResponse<String> response = browser.submit(filled(browser.open("/submit/"))
                .set("schedule.type", "sometimes"));
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        // The schedule's type is a field: its problem is beside it.
        assertThat(page.select("#problems li")).isNotEmpty();
        assertThat(page.getElementById("f-schedule-type-0").attr("aria-invalid")).isEqualTo("true");

        // A row posted beyond those the form has is read, and a problem at a path no field stands for is listed.
        HttpResponse<String> other = browser.submit(filled(browser.open("/submit/")).set("editionId", "jqsi-1999"));
        Document refused = Jsoup.parse(other.body());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(refused.select("#problems a[href=#f-editionId]")).hasSize(1);
    }

    @Test
    void withoutATokenAPostIsForbiddenAndNothingIsKept() throws Exception {
        FormBrowser.Form form = filled(browser.open("/submit/")).remove("csrf");
        HttpResponse<String> response = browser.submit(form);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text())
                .isEqualTo("Le formulaire n’a pas pu être vérifié");
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
    }

    @Test
    void aWrongTokenIsForbiddenAndNothingIsKept() throws Exception {
        FormBrowser.Form form = filled(browser.open("/submit/"));
        String token = form.get("csrf");
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String wrong : List.of(tampered, "1." + token.substring(token.indexOf('.') + 1), "x", "",
                token.substring(0, token.indexOf('.')))) {
            assertThat(browser.submit(form.set("csrf", wrong)).statusCode()).as(wrong).isEqualTo(403);
        }
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
    }

    @Test
    void aTokenIsGoodOnlyWithItsOwnCookie() throws Exception {
        FormBrowser.Form mine = filled(browser.open("/submit/"));
        // Another browser (an attacker's page would post from the victim's, which has its own cookie).
        FormBrowser other = new FormBrowser(api.server);
        other.open("/submit/");
        assertThat(other.submit(mine).statusCode()).isEqualTo(403);
        // No cookie at all.
        FormBrowser none = new FormBrowser(api.server);
        assertThat(none.submit(mine).statusCode()).isEqualTo(403);
        // A cookie of one's own choosing with the stolen token.
        FormBrowser planted = new FormBrowser(api.server);
        HttpCookie cookie = new HttpCookie("jqsi-form", "A".repeat(43));
        cookie.setPath("/");
        cookie.setVersion(0);
        planted.cookies().getCookieStore().add(api.server.uri("/"), cookie);
        assertThat(planted.submit(mine).statusCode()).isEqualTo(403);
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
        // With its own cookie, it is taken.
        assertThat(browser.submit(mine).statusCode()).isEqualTo(303);
    }

    @Test
    void anExpiredTokenIsForbiddenButTheFormComesBackAsTyped() throws Exception {
        FormBrowser.Form form = filled(browser.open("/submit/"));
        api.server.clock.advance(Duration.ofHours(2).plusMinutes(1));
        HttpResponse<String> response = browser.submit(form);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#problems").text()).contains("trop longtemps");
        assertThat(page.getElementById("f-title-fr").val()).isEqualTo("Atelier sur le commerce équitable");
        // The fresh token of the form shown again is taken.
        HttpResponse<String> again = browser.submit(FormBrowser.form(page, "main form"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
    }

    @Test
    void theJsonApiNeedsNoToken() throws Exception {
        HttpResponse<String> response = api.server.post(SubmissionApiTest.body(SubmissionApiTest.ACTIVITY));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void aFilledHoneypotLooksTakenButKeepsNothing() throws Exception {
        HttpResponse<String> response = browser.submit(filled(browser.open("/submit/"))
                .set("website", "https://spam.example"));
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/submit/received?lang=fr");
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
        HttpResponse<String> received = browser.get(location);
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(received.body()).selectFirst("h1").text()).isEqualTo("Merci");
    }

    @Test
    void theHoneypotIsHiddenFromPeople() throws Exception {
        Document page = browser.open("/submit/");
        Element trap = page.getElementById("f-website");
        assertThat(trap.attr("tabindex")).isEqualTo("-1");
        assertThat(trap.attr("autocomplete")).isEqualTo("off");
        assertThat(trap.parent().attr("aria-hidden")).isEqualTo("true");
        assertThat(trap.parent().hasClass("hp")).isTrue();
    }

    @Test
    void postsOfTheFormCountForTheRateLimit() throws Exception {
        api.close();
        api = ApiOnDatabase.start(kind, directory.resolve("rate"), SubmitSettings.builder()
                .rateLimit(1, 1, Duration.ofHours(1)).build());
        FormBrowser limited = new FormBrowser(api.server);
        FormBrowser.Form form = filled(limited.open("/submit/?lang=en"));
        assertThat(limited.submit(form).statusCode()).isEqualTo(303);
        HttpResponse<String> again = limited.submit(form.set("title.fr", "Encore"));
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).hasValue("3600");
        Document page = Jsoup.parse(again.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Too many submissions");
        assertThat(page.text()).contains("3600 seconds");
        assertThat(api.store.list(SubmissionFilter.ALL)).hasSize(1);
    }

    @Test
    void aFormLargerThanTheLimitIs413() throws Exception {
        FormBrowser.Form form = filled(browser.open("/submit/"))
                .set("description.fr", "é".repeat(SubmitSettings.DEFAULT_MAX_BODY_BYTES));
        HttpResponse<String> response = browser.submit(form);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
    }
}
