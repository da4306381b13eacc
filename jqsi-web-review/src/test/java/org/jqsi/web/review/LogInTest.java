package org.jqsi.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.password.Argon2idHash;
import org.jqsi.password.Argon2idParameters;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Logging in over HTTP, on the embedded database and on PostgreSQL (when the tests have one): the page, the session
 * cookie, the CSRF token of the form, throttling, the sessions' ends and log-out.
 */
class LogInTest {

    @TempDir
    Path directory;

    @Test
    void theLogInPageIsFrenchFirstAndEnglishWhenAskedWithStrictHeaders() throws Exception {
        try (ReviewServer server = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory)) {
            HttpResponse<String> french = new Browser(server).get("/review/login");
            assertThat(french.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(french.body()).selectFirst("h1").text()).isEqualTo("Révision des soumissions");
            assertThat(Jsoup.parse(french.body()).selectFirst("html").attr("lang")).isEqualTo("fr-CA");
            HttpResponse<String> english = new Browser(server).get("/review/login?lang=en");
            assertThat(Jsoup.parse(english.body()).selectFirst("h1").text()).isEqualTo("Submission review");
            HttpResponse<String> accepted = new Browser(server, "Accept-Language", "en-CA,en;q=0.9").get(
                    "/review/login");
            assertThat(Jsoup.parse(accepted.body()).selectFirst("label[for=password]").text()).isEqualTo("Password");
            for (HttpResponse<String> page : List.of(french, english)) {
                assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                        .startsWith("default-src 'none'; style-src 'sha256-").contains("frame-ancestors 'none'")
                        .doesNotContain("script-src");
                assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aLogInStartsASessionInTheDatabaseWhoseCookieIsHttpOnlyAndStrict(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            Browser browser = new Browser(server);
            HttpResponse<String> in = browser.logIn(ReviewServer.MAURICIE, ReviewServer.PASSWORD);
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(in.headers().firstValue("Location")).hasValue("/review/?lang=fr");
            String cookie = Browser.setCookies(in).stream().filter(c -> c.startsWith("jqsi-review=")).findFirst()
                    .orElseThrow();
            assertThat(cookie).matches("jqsi-review=[A-Za-z0-9_-]{43}; Path=/review/; HttpOnly; SameSite=Strict");
            String token = browser.cookies.get("jqsi-review");
            assertThat(server.accounts.findSession(token, server.clock.instant())).get()
                    .extracting(s -> s.email()).isEqualTo(ReviewServer.MAURICIE);

            HttpResponse<String> list = browser.get("/review/");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains(ReviewServer.MAURICIE);

            // Another server on the same database (a second servlet here) honours the session.
            try (ReviewServer.Second other = server.secondServer()) {
                Browser there = new Browser(other.server());
                there.cookies.putAll(browser.cookies);
                assertThat(there.get("/review/").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void overHttpsTheCookieIsSecureWithTheHostPrefix() throws Exception {
        ReviewSettings behindProxy = ReviewSettings.defaults()
                .withTrustedProxies(List.of(InetAddress.getByName("127.0.0.1")));
        try (ReviewServer server = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory, behindProxy)) {
            Browser browser = new Browser(server, "X-Forwarded-Proto", "https");
            HttpResponse<String> in = browser.logIn(ReviewServer.MAURICIE, ReviewServer.PASSWORD);
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(Browser.setCookies(in)).anySatisfy(cookie -> assertThat(cookie).matches(
                    "__Host-jqsi-review=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure"));
            assertThat(browser.get("/review/").statusCode()).isEqualTo(200);

            // Not behind the proxy, a header saying https is not believed.
            try (ReviewServer plain = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory.resolve("plain"))) {
                HttpResponse<String> direct = new Browser(plain, "X-Forwarded-Proto", "https")
                        .logIn(ReviewServer.MAURICIE, ReviewServer.PASSWORD);
                assertThat(Browser.setCookies(direct)).anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("jqsi-review=").doesNotContain("Secure"));
            }
        }
    }

    @Test
    void withoutASessionEveryPageAnswersTheLogInPageWith401() throws Exception {
        try (ReviewServer server = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory)) {
            String id = server.submitNew(org.jqsi.core.model.Region.MAURICIE, "Atelier");
            for (String path : List.of("/review/", "/review/" + id, "/review/?lang=en")) {
                HttpResponse<String> page = new Browser(server).get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(401);
                assertThat(Jsoup.parse(page.body()).select("input[name=password]")).as(path).hasSize(1);
            }
            Browser forged = new Browser(server);
            forged.cookies.put("jqsi-review", "A".repeat(43));
            assertThat(forged.get("/review/").statusCode()).isEqualTo(401);
            // Logging in from a submission's page leads back to it.
            Browser browser = new Browser(server);
            String csrf = Browser.csrf(browser.get("/review/" + id));
            HttpResponse<String> in = browser.post("/review/login", Map.of("csrf", csrf, "email",
                    ReviewServer.MAURICIE, "password", ReviewServer.PASSWORD, "next", id));
            assertThat(in.headers().firstValue("Location")).hasValue("/review/" + id + "?lang=fr");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aLogInWithoutTheFormsTokenOrWithAWrongOneIs403AndStartsNoSession(TestDatabases.Kind kind)
            throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            Browser browser = new Browser(server);
            String csrf = Browser.csrf(browser.get("/review/login"));
            HttpResponse<String> missing = browser.post("/review/login", Map.of("email", ReviewServer.MAURICIE,
                    "password", ReviewServer.PASSWORD));
            HttpResponse<String> wrong = browser.post("/review/login", Map.of("csrf", csrf + "x", "email",
                    ReviewServer.MAURICIE, "password", ReviewServer.PASSWORD));
            // The right token without its cookie: another site cannot read the cookie.
            Browser elsewhere = new Browser(server);
            HttpResponse<String> withoutCookie = elsewhere.post("/review/login", Map.of("csrf", csrf, "email",
                    ReviewServer.MAURICIE, "password", ReviewServer.PASSWORD));
            for (HttpResponse<String> refused : List.of(missing, wrong, withoutCookie)) {
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(Browser.setCookies(refused)).noneMatch(c -> c.startsWith("jqsi-review="));
            }
            assertThat(server.accounts.deleteExpiredSessions(server.clock.instant().plus(Duration.ofDays(1))))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theSixthAttemptAfterFiveFailuresIsRefusedSayingWhenToTryAgain(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            Browser browser = new Browser(server);
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> failed = browser.logIn(ReviewServer.MAURICIE, "pas le bon");
                assertThat(failed.statusCode()).isEqualTo(401);
                assertThat(problem(failed)).isEqualTo("Adresse courriel ou mot de passe incorrect.");
                server.clock.advance(Duration.ofSeconds(30));
            }
            // The first failure was 2.5 min ago: it leaves the 15-minute window at 17:15 UTC, 12:15 Eastern.
            HttpResponse<String> sixth = browser.logIn(ReviewServer.MAURICIE, ReviewServer.PASSWORD);
            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).hasValue("751");
            assertThat(problem(sixth)).contains("Réessayez après 12:15 (heure de l’Est)", "environ 13 minutes");
            assertThat(Browser.setCookies(sixth)).noneMatch(c -> c.startsWith("jqsi-review="));

            // The same words for an address that has no account.
            Browser other = new Browser(server);
            for (int i = 0; i < 5; i++) {
                assertThat(problem(other.logIn("personne@example.org", "rien"))).isEqualTo(
                        "Adresse courriel ou mot de passe incorrect.");
            }
            HttpResponse<String> unknown = other.logIn("personne@example.org", "rien");
            assertThat(unknown.statusCode()).isEqualTo(429);
            assertThat(problem(unknown)).startsWith("Trop de tentatives de connexion ont échoué pour cette adresse "
                    + "courriel ou depuis cet appareil. Réessayez après ");

            // Once the oldest failure has left the window, the right password logs in.
            server.clock.advance(Duration.ofMinutes(13));
            assertThat(browser.logIn(ReviewServer.MAURICIE, ReviewServer.PASSWORD).statusCode()).isEqualTo(303);
            // English, too.
            HttpResponse<String> english = new Browser(server, "Accept-Language", "en").logIn("x@example.org", "y");
            assertThat(problem(english)).isEqualTo("Wrong e-mail address or password.");
        }
    }

    @Test
    void oneAddressIsRefusedAfterTwentyFailuresWhateverTheAccounts() throws Exception {
        try (ReviewServer server = ReviewServer.start(TestDatabases.Kind.EMBEDDED, directory)) {
            Browser browser = new Browser(server);
            for (int i = 0; i < 20; i++) {
                assertThat(browser.logIn("personne" + i + "@example.org", "rien").statusCode()).isEqualTo(401);
            }
            assertThat(browser.logIn(ReviewServer.ESTRIE, ReviewServer.PASSWORD).statusCode()).isEqualTo(429);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aSessionEndsAfterTwoIdleHoursAndAfterTwelveHoursWhateverItsUse(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            Browser idle = new Browser(server);
            idle.logIn(ReviewServer.MAURICIE, ReviewServer.PASSWORD);
            Browser busy = new Browser(server);
            busy.logIn(ReviewServer.ESTRIE, ReviewServer.PASSWORD);

            server.clock.advance(Duration.ofMinutes(119));
            assertThat(idle.get("/review/").statusCode()).isEqualTo(200);
            server.clock.advance(Duration.ofMinutes(119));
            assertThat(idle.get("/review/").statusCode()).isEqualTo(200);
            server.clock.advance(Duration.ofMinutes(121));
            assertThat(idle.get("/review/").statusCode()).isEqualTo(401);

            // busy was used at 0 only: idle for 359 minutes by now.
            assertThat(busy.get("/review/").statusCode()).isEqualTo(401);
            Browser daylong = new Browser(server);
            daylong.logIn(ReviewServer.ESTRIE, ReviewServer.PASSWORD);
            for (int hour = 1; hour < 12; hour++) {
                server.clock.advance(Duration.ofHours(1));
                assertThat(daylong.get("/review/").statusCode()).as("hour %d", hour).isEqualTo(200);
            }
            server.clock.advance(Duration.ofHours(1));
            assertThat(daylong.get("/review/").statusCode()).isEqualTo(401);

            // The hourly cleanup removes the expired sessions from the database.
            AccountsCleanup.Removed removed = new AccountsCleanup(server.accounts, server.clock).cleanUp();
            assertThat(removed.sessions()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void logOutEndsTheSessionAndItsCookieNoLongerWorks(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            Browser browser = new Browser(server);
            browser.logIn(ReviewServer.MAURICIE, ReviewServer.PASSWORD);
            HttpResponse<String> list = browser.get("/review/");
            String token = browser.cookies.get("jqsi-review");

            HttpResponse<String> forged = browser.post("/review/logout", Map.of("csrf", "nope"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(browser.get("/review/").statusCode()).isEqualTo(200);

            HttpResponse<String> out = browser.post("/review/logout", Map.of("csrf", Browser.csrf(list)));
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("Location")).hasValue("/review/login?lang=fr");
            assertThat(Browser.setCookies(out)).anySatisfy(c -> assertThat(c).startsWith("jqsi-review=;")
                    .contains("Max-Age=0"));
            Browser replay = new Browser(server);
            replay.cookies.put("jqsi-review", token);
            assertThat(replay.get("/review/").statusCode()).isEqualTo(401);
            assertThat(server.accounts.findSession(token, server.clock.instant())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void passwordsAreStoredAsArgon2idWithTheirParameters(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            // The server's accounts were hashed at small parameters for speed; the library's defaults here.
            Argon2idHash hash = new Argon2idHash();
            server.accounts.setPasswordHash(ReviewServer.ADMIN, hash.hash("nouveau mot de passe".toCharArray()));
            String stored = server.accounts.passwordHash(ReviewServer.ADMIN).orElseThrow();
            assertThat(stored).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                    .doesNotContain("nouveau");
            assertThat(server.accounts.passwordHash(ReviewServer.MAURICIE).orElseThrow())
                    .matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$.+\\$.+");
            assertThat(new Browser(server).logIn(ReviewServer.ADMIN, "nouveau mot de passe").statusCode())
                    .isEqualTo(303);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aPasswordHashedWithWeakerParametersIsHashedAgainAtTheNextLogIn(TestDatabases.Kind kind) throws Exception {
        try (ReviewServer server = ReviewServer.start(kind, directory)) {
            // Stored when the server's parameters were weaker than they are now (m=1024,t=1,p=1 here).
            Argon2idHash older = new Argon2idHash(new Argon2idParameters(64, 1, 1), new java.security.SecureRandom());
            server.accounts.setPasswordHash(ReviewServer.ADMIN, older.hash("ancien mot de passe".toCharArray()));

            assertThat(new Browser(server).logIn(ReviewServer.ADMIN, "pas le bon").statusCode()).isEqualTo(401);
            assertThat(server.accounts.passwordHash(ReviewServer.ADMIN).orElseThrow())
                    .as("a wrong password changes nothing").startsWith("$argon2id$v=19$m=64,t=1,p=1$");

            assertThat(new Browser(server).logIn(ReviewServer.ADMIN, "ancien mot de passe").statusCode())
                    .isEqualTo(303);
            String rehashed = server.accounts.passwordHash(ReviewServer.ADMIN).orElseThrow();
            assertThat(rehashed).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
            assertThat(new Browser(server).logIn(ReviewServer.ADMIN, "ancien mot de passe").statusCode())
                    .isEqualTo(303);
            assertThat(server.accounts.passwordHash(ReviewServer.ADMIN)).as("hashed again once only")
                    .contains(rehashed);
        }
    }

    private static String problem(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).selectFirst(".problem").text();
    }

}
