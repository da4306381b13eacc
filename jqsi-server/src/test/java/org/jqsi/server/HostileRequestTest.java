package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no browser sends, over a raw socket to the real server: too many parameters, an overlong URL, path
 * traversal in every spelling, and every kind of error Jetty produces itself. Each gets a clear 4xx (never a 500)
 * within a bounded time, no file outside the widget's assets, and an error page that shows nothing of the server's
 * insides (no stack trace, class name or path) and carries the security headers.
 */
class HostileRequestTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("America/Toronto"));
    /** An answer at all is what each test waits for: this only catches a server that never gives one. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** What a file from outside the assets would show: a password file, a pom, a manifest, a class, a jar, source. */
    private static final List<String> FOREIGN_CONTENT = List.of("root:x:0:", "<project", "<modelVersion>",
            "Manifest-Version", "\u00ca\u00fe\u00ba\u00be", "PK\u0003\u0004", "package org.", "module org.",
            "\"formatVersion\"", "import ");
    /** What a leaky error page shows: a stack, an exception or class name, a source or file path. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat (org|java|jdk|jakarta|com)\\.|Exception|Error:|\\b(org|java|jakarta)\\.[a-z]+\\.|\\.java\\b"
                    + "|/work/|/tmp/|/home/|/root/|jetty|Jetty|Caused by|servlet", Pattern.CASE_INSENSITIVE);

    private static JqsiServer server;
    /**
     * What Jetty logs meanwhile: a warning for each malformed request, and the servlet's exception with its stack.
     * Kept here rather than on the console, where they would be the build's noise, and checked: the operator is told
     * what the client is not.
     */
    private static CapturedLog jettyLog;

    @BeforeAll
    static void start() throws Exception {
        jettyLog = CapturedLog.of("org.eclipse.jetty");
        HttpServlet failing = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("secret detail at /work/jqsi/internal.json");
            }
        };
        server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                CurrentProgram.load(ProgramFileSource.sample(), new ProgramValidator(), CLOCK), CLOCK,
                Map.of("/failing", failing));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            server.stop();
        } finally {
            jettyLog.close();
        }
    }

    private static RawResponse get(String target) throws Exception {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private static RawResponse send(String request) throws Exception {
        RawResponse response = RawResponse.exchange(server.port(), request, TIMEOUT);
        assertThat(response.took()).as("time to answer").isLessThan(TIMEOUT);
        return response;
    }

    private static void assertShowsNothingInside(RawResponse response) {
        Matcher leak = LEAK.matcher(response.text());
        boolean leaks = leak.find();
        assertThat(leaks).as("error page shows \"%s\":%n%s", leaks ? leak.group() : "", response.text()).isFalse();
        assertThat(response.text()).doesNotContain("evil.example");
        assertThat(response.header("X-Content-Type-Options")).as("nosniff on %s", response.status())
                .hasValue("nosniff");
        assertThat(response.header("Content-Security-Policy")).as("CSP on %s", response.status()).get()
                .asString().contains("default-src 'none'");
    }

    @Test
    void fiveThousandQueryParametersGetAClear4xx() throws Exception {
        RawResponse response = get("/widget/?edition=all" + "&x=1".repeat(5_000));

        assertThat(response.status()).isBetween(400, 499);
        assertShowsNothingInside(response);
    }

    @Test
    void aThousandQueryParametersThatFitTheUrlLimitAreRefusedByTheWidget() throws Exception {
        RawResponse response = get("/widget/?edition=all" + "&x=1".repeat(1_000));

        assertThat(response.status()).isEqualTo(400);
        assertThat(LEAK.matcher(response.text()).find()).as(response.text()).isFalse();
        assertThat(response.header("Content-Security-Policy")).isPresent();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {10_000, 100_000, 1_000_000})
    void anOverlongUrlGets414Or431(int length) throws Exception {
        RawResponse response = get("/widget/?q=" + "a".repeat(length));

        assertThat(response.status()).isIn(414, 431);
        assertShowsNothingInside(response);
    }

    @Test
    void anOverlongHeaderGets431() throws Exception {
        RawResponse response = send("GET /widget/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(100_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
        assertShowsNothingInside(response);
    }

    static Stream<String> traversals() {
        List<String> targets = List.of("etc/passwd", "pom.xml", "META-INF/MANIFEST.MF",
                "org/jqsi/web/internal/Assets.class", "org/jqsi/web/JqsiWidgetServlet.class", "module-info.class",
                "org/jqsi/json/sample/program.json", "org/jqsi/web/internal/assets/../Assets.class");
        List<String> ups = List.of("../", "../../", "../../../../../../", "%2e%2e/", "%2e%2e%2f", "..%2f",
                "%252e%252e/", "%252e%252e%252f", "..\\", "..%5c", "%2e%2e%5c", "..;/", ".%2e/", "%c0%ae%c0%ae/",
                "....//", "%uff0e%uff0e/");
        return Stream.concat(
                ups.stream().flatMap(up -> targets.stream().flatMap(t -> Stream.of(
                        "/widget/assets/" + up + t,
                        "/widget/assets/" + up + up + up + t,
                        "/widget/" + up + up + t,
                        "/" + up + up + t,
                        "/healthz/" + up + t))),
                Stream.of("/widget/assets/widget.css%00.class", "/widget/assets/%00../../etc/passwd",
                        "/widget/assets/frame.js%00", "/widget/assets/\u0000", "//etc/passwd", "/widget//etc/passwd",
                        "/widget/assets//etc/passwd", "/widget/assets/file:///etc/passwd", "/WEB-INF/web.xml",
                        "/META-INF/MANIFEST.MF", "/org/jqsi/server/JqsiServer.class", "/widget/assets/Assets.class",
                        "/widget/assets/assets/embed.js", "/widget/assets/embed.js", "/widget/assets/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traversals")
    void pathTraversalNeverServesAFileOutsideTheAssets(String target) throws Exception {
        RawResponse response = get(target);

        assertThat(response.status()).as(target).isIn(400, 404);
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).as(target).doesNotContain(FOREIGN_CONTENT);
        assertThat(response.body().length).as(target).isLessThan(2_000);
    }

    @Test
    void theAssetsThemselvesAreServed() throws Exception {
        String page = get("/widget/").text();
        Matcher asset = Pattern.compile("/widget/assets/(widget\\.[0-9a-f]+\\.css)").matcher(page);
        assertThat(asset.find()).as("the page links its stylesheet").isTrue();

        RawResponse css = get(asset.group());

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).get().asString().startsWith("text/css");
        // The same file reached by a detour is not served: only the exact versioned name is.
        assertThat(get("/widget/assets/x/../" + asset.group(1)).status()).isEqualTo(200);
        assertThat(get("/widget/assets/%2e/" + asset.group(1)).status()).isIn(400, 404);
    }

    static Stream<Arguments> jettyErrors() {
        return Stream.of(
                Arguments.of("bad percent-encoding", "GET /%zz HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("bad percent-encoding in the widget", "GET /widget/%zz HTTP/1.1\r\nHost: localhost\r\n",
                        400),
                Arguments.of("ambiguous path", "GET /widget/%2e%2e/x HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("encoded slash", "GET /widget/a%2fb HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("unknown method", "FOO / HTTP/1.1\r\nHost: localhost\r\n", 501),
                Arguments.of("unknown method on the widget", "BREW /widget/ HTTP/1.1\r\nHost: localhost\r\n", 501),
                Arguments.of("DELETE", "DELETE /widget/ HTTP/1.1\r\nHost: localhost\r\n", 405),
                Arguments.of("POST", "POST /widget/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n", 405),
                Arguments.of("POST to the health check", "POST /healthz HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 0\r\n", 405),
                Arguments.of("outside any servlet", "GET /nothing/here HTTP/1.1\r\nHost: evil.example\r\n", 404),
                Arguments.of("a bad request line", "GARBAGE\r\n", 400),
                Arguments.of("HTTP/0.9", "GET /\r\n", 505),
                Arguments.of("HTTP/2.5", "GET / HTTP/2.5\r\nHost: localhost\r\n", 505),
                Arguments.of("no Host", "GET / HTTP/1.1\r\n", 400),
                Arguments.of("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n", 400),
                Arguments.of("a bad header", "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n", 400),
                Arguments.of("a bad Content-Length", "POST /widget/ HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: lots\r\n", 400),
                Arguments.of("a header too large", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                        + "b".repeat(20_000) + "\r\n", 431),
                Arguments.of("an exception in a servlet", "GET /failing HTTP/1.1\r\nHost: localhost\r\n", 500));
    }

    @Test
    void anExceptionInAServletReachesTheLogWithItsDetailAndNotTheClient() throws Exception {
        RawResponse response = get("/failing");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).doesNotContain("secret");
        ILoggingEvent logged = jettyLog.await(event -> event.getThrowableProxy() != null
                && event.getThrowableProxy().getMessage().equals("secret detail at /work/jqsi/internal.json"), TIMEOUT);
        assertThat(logged.getLevel()).isEqualTo(Level.WARN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jettyErrors")
    void errorPagesShowNoStackTraceClassOrPathAndCarryTheSecurityHeaders(String name, String head, int status)
            throws Exception {
        RawResponse response = send(head + "Connection: close\r\n\r\n");

        assertThat(response.status()).as(response.whole()).isEqualTo(status);
        assertShowsNothingInside(response);
        assertThat(response.text()).doesNotContain("secret", "badMessage", "internal.json");
        // A HEAD or a 405/501 may have no body; one that has one says the status plainly.
        if (response.body().length > 0) {
            assertThat(response.header("Content-Type")).get().asString().startsWith("text/plain");
            assertThat(response.text()).startsWith(String.valueOf(status));
        }
    }
}
