package org.jqsi.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Region;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.json.ProgramFileSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The review pages over HTTP, on the embedded database and on PostgreSQL (when the tests have one): what each account
 * sees, the actions and their CSRF tokens, and the refusals of another region's submissions.
 */
class ReviewPagesTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void eachCoordinatorSeesTheirRegionsSubmissionsByStateNewestFirst(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            String a = server.submitNew(Region.MAURICIE, "Atelier A");
            server.clock.advance(Duration.ofMinutes(1));
            String b = server.submitNew(Region.ESTRIE, "Atelier B");
            server.clock.advance(Duration.ofMinutes(1));
            String c = server.submitNew(Region.MAURICIE, "Atelier C");
            server.clock.advance(Duration.ofMinutes(1));
            String d = server.submitNew(Region.MAURICIE, "Atelier D");
            server.submissions.act(a, 1, SubmissionAction.REQUEST_CHANGES, "test", "Précisez le lieu", null,
                    server.clock.instant());

            Document mauricie = page(logIn(server, ReviewServer.MAURICIE).get("/review/"));
            assertThat(mauricie.select("main h2").eachText())
                    .containsExactly("En attente (2)", "Modifications demandées (1)");
            assertThat(mauricie.select("table#pending, table[aria-labelledby=state-pending] td a").eachText())
                    .containsExactly("Atelier D", "Atelier C");
            assertThat(mauricie.select("table[aria-labelledby=state-changes-requested] td a").eachText())
                    .containsExactly("Atelier A");
            assertThat(mauricie.text()).doesNotContain("Atelier B").contains("Régions : Mauricie");
            assertThat(mauricie.select("td a").eachAttr("href")).contains(d + "?lang=fr");

            Document estrie = page(logIn(server, ReviewServer.ESTRIE).get("/review/?lang=en"));
            assertThat(estrie.select("td a").eachText()).containsExactly("Atelier B (en)");
            assertThat(estrie.select("main h2").eachText()).containsExactly("Pending (1)");

            Document admin = page(logIn(server, ReviewServer.ADMIN).get("/review/"));
            assertThat(admin.select("td a").eachText()).containsExactly("Atelier D", "Atelier C", "Atelier B",
                    "Atelier A");
            assertThat(List.of(a, b, c, d)).allSatisfy(id -> assertThat(admin.select("code").eachText()).contains(id));
        }
    }

    @Test
    void aSubmissionsPageShowsTheWidgetsCardInBothLanguagesItsChecksHistoryAndActions() throws Exception {
        try (ReviewServer server = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory)) {
            String id = server.submitNew(Region.MAURICIE, "Atelier sur le commerce équitable");
            Browser browser = logIn(server, ReviewServer.MAURICIE);
            HttpResponse<String> response = browser.get("/review/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            Document page = page(response);
            assertThat(page.selectFirst("h1").text()).isEqualTo("Soumission " + id);
            assertThat(page.select(".preview h3").eachText()).containsExactly("En français", "En anglais");
            assertThat(page.select(".preview .jqsi article.jqsi-activity .jqsi-title").eachText())
                    .containsExactly("Atelier sur le commerce équitable", "Atelier sur le commerce équitable (en)");
            assertThat(page.select(".preview .jqsi").eachAttr("lang")).containsExactly("fr-CA", "en-CA");
            // The widget's own words: its kind and region facts, in each language.
            assertThat(page.select(".preview").get(1).text()).contains("Workshop", "Mauricie");
            assertThat(page.select("main > h2").eachText()).contains("Décision", "Vérifications",
                    "Aperçu, tel que le widget l’affichera", "Historique");
            assertThat(page.select("button[name=action]").eachAttr("value"))
                    .containsExactly("approve", "request-changes", "refuse");
            assertThat(page.select("textarea#note").attr("aria-describedby")).isEqualTo("note-help");
            assertThat(page.select("table").last().select("tbody tr")).hasSize(1);
            assertThat(page.select("style")).hasSize(2);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void approvingPublishesTheActivityThroughTheSamePathAsTheCommandLine(TestDatabases.Kind kind)
            throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            String id = server.submitNew(Region.MAURICIE, "Atelier à publier");
            Browser browser = logIn(server, ReviewServer.MAURICIE);
            HttpResponse<String> page = browser.get("/review/" + id);
            HttpResponse<String> done = browser.post("/review/" + id, Map.of("csrf", Browser.csrf(page),
                    "version", "1", "action", "approve", "note", ""));
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(done.headers().firstValue("Location")).hasValue("/review/" + id + "?lang=fr&done=approve");
            Submission approved = server.find(id);
            assertThat(approved.state()).isEqualTo(SubmissionState.APPROVED);
            assertThat(approved.history().get(1).actor()).isEqualTo(ReviewServer.MAURICIE);
            assertThat(server.submissions.publication().activities()).extracting(Activity::id)
                    .contains(approved.activity().id());

            Document after = page(browser.get("/review/" + id + "?lang=fr&done=approve"));
            assertThat(after.selectFirst("[role=status]").text())
                    .isEqualTo("Soumission approuvée : l’activité est publiée.");
            assertThat(after.select("button[name=action]")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void requestingChangesOrRefusingNeedsANote(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            String id = server.submitNew(Region.MAURICIE, "Atelier incomplet");
            Browser browser = logIn(server, ReviewServer.MAURICIE);
            String csrf = Browser.csrf(browser.get("/review/" + id));

            HttpResponse<String> noNote = browser.post("/review/" + id, Map.of("csrf", csrf, "version", "1",
                    "action", "request-changes", "note", "  "));
            assertThat(noNote.statusCode()).isEqualTo(400);
            Document page = page(noNote);
            assertThat(page.selectFirst("#note-problem").text())
                    .isEqualTo("Écrivez dans la note ce que l’organisme doit changer.");
            assertThat(page.selectFirst("textarea#note").attr("aria-describedby")).isEqualTo("note-problem note-help");
            assertThat(page.selectFirst("textarea#note").attr("aria-invalid")).isEqualTo("true");
            assertThat(server.find(id).state()).isEqualTo(SubmissionState.PENDING);

            HttpResponse<String> changes = browser.post("/review/" + id, Map.of("csrf", csrf, "version", "1",
                    "action", "request-changes", "note", "Ajoutez l’adresse du lieu."));
            assertThat(changes.statusCode()).isEqualTo(303);
            assertThat(server.find(id).state()).isEqualTo(SubmissionState.CHANGES_REQUESTED);
            assertThat(server.find(id).reviewerNote()).hasValue("Ajoutez l’adresse du lieu.");

            HttpResponse<String> refuseWithout = browser.post("/review/" + id, Map.of("csrf", csrf, "version", "2",
                    "action", "refuse"));
            assertThat(refuseWithout.statusCode()).isEqualTo(400);
            HttpResponse<String> refused = browser.post("/review/" + id, Map.of("csrf", csrf, "version", "2",
                    "action", "refuse", "note", "Hors du thème de l’édition."));
            assertThat(refused.statusCode()).isEqualTo(303);
            assertThat(server.find(id).state()).isEqualTo(SubmissionState.REFUSED);

            // An action on a version someone else has acted on since: refused, said, nothing overruled.
            String other = server.submitNew(Region.MAURICIE, "Autre atelier");
            server.submissions.act(other, 1, SubmissionAction.REQUEST_CHANGES, "cli:test", "Une note", null,
                    server.clock.instant());
            HttpResponse<String> stale = browser.post("/review/" + other, Map.of("csrf", csrf, "version", "1",
                    "action", "approve"));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(page(stale).selectFirst("[role=alert]").text()).isNotBlank();
            assertThat(server.find(other).state()).isEqualTo(SubmissionState.CHANGES_REQUESTED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anActionWithoutTheSessionsTokenOrWithAWrongOneIs403AndChangesNothing(TestDatabases.Kind kind)
            throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            String id = server.submitNew(Region.MAURICIE, "Atelier");
            Browser browser = logIn(server, ReviewServer.MAURICIE);
            String csrf = Browser.csrf(browser.get("/review/" + id));
            // Another session's token is wrong for this one.
            String othersToken = Browser.csrf(logIn(server, ReviewServer.ADMIN).get("/review/" + id));
            for (Map<String, String> form : List.of(
                    Map.of("version", "1", "action", "approve"),
                    Map.of("csrf", "", "version", "1", "action", "approve"),
                    Map.of("csrf", csrf.substring(1), "version", "1", "action", "approve"),
                    Map.of("csrf", othersToken, "version", "1", "action", "refuse", "note", "non"))) {
                HttpResponse<String> refused = browser.post("/review/" + id, form);
                assertThat(refused.statusCode()).as("%s", form.keySet()).isEqualTo(403);
                assertThat(page(refused).selectFirst("h1").text()).isEqualTo("Formulaire refusé");
            }
            Submission unchanged = server.find(id);
            assertThat(unchanged.state()).isEqualTo(SubmissionState.PENDING);
            assertThat(unchanged.version()).isEqualTo(1);
            assertThat(server.submissions.publication().activities()).extracting(Activity::id)
                    .doesNotContain(unchanged.activity().id());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anotherRegionsCoordinatorIsRefusedByLinkAndByForgedFormAndItIsLogged(TestDatabases.Kind kind)
            throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.jqsi.web.review");
        logger.addHandler(handler);
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            String id = server.submitNew(Region.MAURICIE, "Atelier de la Mauricie");
            Browser estrie = logIn(server, ReviewServer.ESTRIE);
            HttpResponse<String> list = estrie.get("/review/");
            assertThat(list.body()).doesNotContain(id);

            HttpResponse<String> byLink = estrie.get("/review/" + id);
            assertThat(byLink.statusCode()).isEqualTo(403);
            assertThat(page(byLink).selectFirst("h1").text()).isEqualTo("Accès refusé");
            assertThat(byLink.body()).doesNotContain("Atelier de la Mauricie");

            // A form forged with the Estrie session's own, valid, token.
            HttpResponse<String> forged = estrie.post("/review/" + id, Map.of("csrf", Browser.csrf(list),
                    "version", "1", "action", "approve"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(server.find(id).state()).isEqualTo(SubmissionState.PENDING);
            assertThat(server.find(id).version()).isEqualTo(1);

            List<String> lines = logged.stream().map(r -> java.text.MessageFormat.format(r.getMessage(),
                    r.getParameters())).toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains(ReviewServer.ESTRIE, id, "region 04", "GET", "127.0.0.1");
            assertThat(lines.get(1)).contains(ReviewServer.ESTRIE, id, "POST", "action=approve", "127.0.0.1");
            assertThat(logged).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING));

            // The Mauricie's coordinator, and an administrator, may.
            assertThat(logIn(server, ReviewServer.MAURICIE).get("/review/" + id).statusCode()).isEqualTo(200);
            assertThat(logIn(server, ReviewServer.ADMIN).get("/review/" + id).statusCode()).isEqualTo(200);
            // An id that is no submission: 404, for everyone.
            assertThat(estrie.get("/review/s-nothing").statusCode()).isEqualTo(404);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aChangeShowsWhatDiffersFromThePublishedActivityFieldByField() throws Exception {
        try (ReviewServer server = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory)) {
            String first = server.submitNew(Region.MAURICIE, "Atelier publié");
            server.submissions.approve(first, 1, "cli:test", null, server.clock.instant(),
                    Publishing.checkAgainst(ProgramFileSource.sample().read(), new ProgramValidator()));
            Activity published = server.find(first).activity();
            Activity changed = published.toBuilder()
                    .title(LocalizedText.of("Atelier publié, nouveau titre", "Published workshop, new title"))
                    .build();
            String change = server.submissions.submit(Submission.Kind.CHANGE, published.id(), changed,
                    new Submitter("Comité", "programme@example.org"), server.clock.instant()).submission().id();

            Document page = page(logIn(server, ReviewServer.MAURICIE).get("/review/" + change));
            Element table = page.select("main > h2:contains(Ce qui change) + table").first();
            assertThat(table).isNotNull();
            assertThat(table.select("tbody th").eachText()).containsExactly("title");
            assertThat(table.select("tbody td").get(0).text()).contains("Atelier publié").doesNotContain("nouveau");
            assertThat(table.select("tbody td").get(1).text()).contains("Atelier publié, nouveau titre");
            assertThat(page.select(".preview .jqsi-title").eachText())
                    .containsExactly("Atelier publié, nouveau titre", "Published workshop, new title");
        }
    }

    static Browser logIn(ReviewServer server, String email) throws Exception {
        Browser browser = new Browser(server);
        assertThat(browser.logIn(email, ReviewServer.PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }
}
