package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jqsi.core.account.Account;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.password.Argon2idHash;
import org.jqsi.password.Argon2idParameters;
import org.jqsi.server.internal.WatchedFile;
import org.jqsi.server.internal.submissions.BaseProgram;
import org.jqsi.server.internal.submissions.SubmittedSource;
import org.jqsi.web.review.ReviewServlet;
import org.jqsi.web.review.ReviewSettings;
import org.jqsi.web.submit.SubmissionServlet;
import org.jqsi.web.submit.SubmitSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The review pages in the server beside the submission API, as {@code serve} mounts them: an organisation proposes an
 * activity through the JSON API; the coordinator of another region is refused on it, by link and by a forged form;
 * the region's coordinator logs in and approves it, and the widget serves it within seconds.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class ReviewServeTest {

    private static final Duration HANG = Duration.ofSeconds(30);
    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "un mot de passe assez long";

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path dir;

    private TestDatabase fresh;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void program() throws Exception {
        fresh = TestDatabases.create(kind, dir.resolve("data"));
        ProgramWriter.forFiles().write(SampleProgram.data(), dir.resolve("program.json"));
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aCoordinatorApprovesTheirRegionsSubmissionAndTheWidgetServesItAnotherIsRefused() throws Exception {
        Database database = fresh.open();
        open.add(database);
        Argon2idHash passwords = new Argon2idHash(new Argon2idParameters(1024, 1, 1), new SecureRandom());
        database.accounts().add(Account.coordinator("marie@cs3r.example.org", Set.of(Region.MAURICIE),
                Proposed.AT), passwords.hash(PASSWORD.toCharArray()));
        database.accounts().add(Account.coordinator("luc@estrie.example.org", Set.of(Region.ESTRIE), Proposed.AT),
                passwords.hash(PASSWORD.toCharArray()));
        SubmittedSource source = new SubmittedSource(new WatchedFile(dir.resolve("program.json"),
                new ProgramReader(VALIDATOR)), database.submissions(), database::watchPublication,
                database.describe(), VALIDATOR, Clock.systemUTC(), org.jqsi.core.model.Language.EN);
        CurrentProgram current = CurrentProgram.load(source, VALIDATOR, Clock.systemUTC());
        ReviewServlet review = new ReviewServlet(database.accounts(), passwords, database.submissions(), current,
                new BaseProgram(() -> source), VALIDATOR, ReviewSettings.defaults(), Clock.systemUTC());
        SubmissionServlet submit = new SubmissionServlet(database.submissions(), current, VALIDATOR,
                SubmitSettings.defaults(), Clock.systemUTC());
        JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withReloadInterval(Duration.ofMillis(200)), current, Clock.systemUTC(),
                Map.of("/review/*", review, "/submit/*", submit));
        open.add(server);

        // An organisation proposes an activity through the JSON API, as partners' tools do.
        HttpResponse<String> created = new Client(server).postJson("submit/", """
                {"submitter": {"organisation": "Comité de solidarité/Trois-Rivières", "email": "prog@example.org"},
                 "activity": {"id": "atelier-en-revue", "editionId": "jqsi-2021", "kind": "workshop",
                   "title": {"fr": "Atelier en revue", "en": "Workshop under review"},
                   "schedule": {"type": "timed", "start": "2021-11-10T19:00", "end": "2021-11-10T21:00",
                                "zone": "America/Toronto"},
                   "place": {"type": "online", "url": "https://example.org/atelier", "platform": "zoom"},
                   "region": "04", "status": "scheduled"}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Submission proposed = database.submissions().list(org.jqsi.core.submission.SubmissionFilter.ALL).get(0);
        assertThat(created.body()).contains("\"id\":\"" + proposed.id() + "\"");
        assertThat(new Client(server).get("widget/activities/atelier-en-revue").statusCode()).isEqualTo(404);

        Client estrie = new Client(server).logIn("luc@estrie.example.org");
        HttpResponse<String> byLink = estrie.get("review/" + proposed.id());
        assertThat(byLink.statusCode()).isEqualTo(403);
        HttpResponse<String> forged = estrie.post("review/" + proposed.id(), Map.of("csrf",
                csrf(estrie.get("review/")), "version", "1", "action", "approve"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(database.submissions().find(proposed.id()).orElseThrow().state())
                .isEqualTo(SubmissionState.PENDING);

        Client marie = new Client(server).logIn("marie@cs3r.example.org");
        HttpResponse<String> page = marie.get("review/" + proposed.id());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> approved = marie.post("review/" + proposed.id(), Map.of("csrf", csrf(page),
                "version", "1", "action", "approve"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(database.submissions().find(proposed.id()).orElseThrow().state())
                .isEqualTo(SubmissionState.APPROVED);
        Duration served = SubmissionsServeTest.await("the approved activity served",
                () -> new Client(server).get("widget/activities/atelier-en-revue").statusCode() == 200);
        System.out.println(kind + ": approval from the review page served after " + served.toMillis() + " ms");
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    /** A client that keeps the cookies the server sets and follows no redirect. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(HANG).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final URI base;

        Client(JqsiServer server) {
            this.base = server.localUri();
        }

        Client logIn(String email) throws Exception {
            HttpResponse<String> in = post("review/login", Map.of("csrf", csrf(get("review/login")), "email", email,
                    "password", PASSWORD));
            assertThat(in.statusCode()).isEqualTo(303);
            return this;
        }

        HttpResponse<String> postJson(String path, String json) throws Exception {
            return send(HttpRequest.newBuilder(base.resolve(path)).timeout(HANG)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(base.resolve(path)).timeout(HANG).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(base.resolve(path)).timeout(HANG)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (set.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, equals));
                } else {
                    cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return response;
        }
    }
}
