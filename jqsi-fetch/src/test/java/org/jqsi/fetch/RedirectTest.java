package org.jqsi.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.FetchException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects, followed by jqsi rather than the JDK's client so that each target is judged: at most five, to http or
 * https only, relative ones read against the address that sent them, and a target the address rule refuses is never
 * asked for.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RedirectTest {

    private static final LocalizedText FEED = LocalizedText.of("le flux", "the feed");
    private static final Duration UNREACHED = Duration.ofHours(1);

    private LoopbackServer server;
    /** Where /to-private sends. */
    private volatile String privateTarget;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer()
                .on("/doc", exchange -> LoopbackServer.send(exchange, 200, "arrived"))
                // /hop/3 -> /hop/2 -> /hop/1 -> /hop/0 -> /doc: n redirects.
                .on("/hop/", exchange -> {
                    int left = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
                    LoopbackServer.redirect(exchange, 302, left == 0 ? "/doc" : "/hop/" + (left - 1));
                })
                .on("/relative/start", exchange -> LoopbackServer.redirect(exchange, 301, "next?x=1"))
                .on("/relative/next", exchange -> LoopbackServer.send(exchange, 200, "relative "
                        + exchange.getRequestURI().getQuery()))
                .on("/parent/a/b", exchange -> LoopbackServer.redirect(exchange, 307, "../../doc"))
                .on("/network-path", exchange -> LoopbackServer.redirect(exchange, 308,
                        "//" + server.authority() + "/doc"))
                .on("/see-other", exchange -> LoopbackServer.redirect(exchange, 303, server.url("/doc").toString()))
                .on("/to-ftp", exchange -> LoopbackServer.redirect(exchange, 302, "ftp://example.org/agenda.ics"))
                .on("/to-file", exchange -> LoopbackServer.redirect(exchange, 302, "file:///etc/passwd"))
                .on("/nowhere", exchange -> LoopbackServer.redirect(exchange, 302, null))
                .on("/unreadable", exchange -> LoopbackServer.redirect(exchange, 302, "http://exa mple.org/ a"))
                .on("/to-private", exchange -> LoopbackServer.redirect(exchange, 302, privateTarget));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BoundedDownload anyAddress() {
        return new BoundedDownload(FEED, UNREACHED, 1000, AddressPolicy.ANY_ADDRESS);
    }

    /** Public addresses only, but for the test's own server at 127.0.0.1:port, where the chains start. */
    private BoundedDownload publicOnlyButTheTestServer() {
        return new BoundedDownload(FEED, UNREACHED, 1000, new AddressGate(
                AddressPolicy.publicOnly("--allow-private-addresses"), server.authority()));
    }

    private static String text(Fetched.Document document) {
        return new String(document.body(), StandardCharsets.UTF_8);
    }

    @Test
    void fiveRedirectsAreFollowedAndTheAnswerSaysWhereItCameFrom() throws IOException {
        Fetched.Document document = anyAddress().get(server.url("/hop/4"), "*/*");
        assertThat(text(document)).isEqualTo("arrived");
        assertThat(document.url()).isEqualTo(server.url("/doc"));
        assertThat(server.requests()).containsExactly("/hop/4", "/hop/3", "/hop/2", "/hop/1", "/hop/0", "/doc");
    }

    @Test
    void theSixthRedirectIsNotFollowed() {
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> anyAddress().get(server.url("/hop/5"), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.REDIRECT_REFUSED);
        assertThat(e).hasMessage(server.url("/hop/5") + ": redirected to " + server.url("/hop/0")
                + ": more than 5 redirects");
        assertThat(e.describe().in(Language.FR)).isEqualTo(server.url("/hop/5") + " : redirigé vers "
                + server.url("/hop/0") + " : plus de 5 redirections");
        assertThat(server.requests()).containsExactly("/hop/5", "/hop/4", "/hop/3", "/hop/2", "/hop/1", "/hop/0");
    }

    @Test
    void aRelativeLocationIsReadAgainstTheAddressThatSentIt() throws IOException {
        assertThat(text(anyAddress().get(server.url("/relative/start"), "*/*"))).isEqualTo("relative x=1");
        assertThat(text(anyAddress().get(server.url("/parent/a/b"), "*/*"))).isEqualTo("arrived");
        assertThat(text(anyAddress().get(server.url("/network-path"), "*/*"))).isEqualTo("arrived");
        assertThat(text(anyAddress().get(server.url("/see-other"), "*/*"))).isEqualTo("arrived");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/to-ftp", "/to-file"})
    void aRedirectToAnythingButHttpOrHttpsIsRefused(String path) {
        FetchException e = catchThrowableOfType(FetchException.class, () -> anyAddress().get(server.url(path), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.REDIRECT_REFUSED);
        assertThat(e).hasMessageEndingWith(", which is neither http nor https");
        assertThat(e.describe().in(Language.FR)).endsWith(", qui n'est ni http ni https");
        assertThat(server.requests()).containsExactly(path);
    }

    @Test
    void aRedirectWithoutAReadableLocationIsRefusedWithWhy() {
        FetchException none = catchThrowableOfType(FetchException.class,
                () -> anyAddress().get(server.url("/nowhere"), "*/*"));
        assertThat(none.kind()).isEqualTo(Kind.REDIRECT_REFUSED);
        assertThat(none).hasMessage(server.url("/nowhere") + ": HTTP 302 redirect without a Location");
        FetchException unreadable = catchThrowableOfType(FetchException.class,
                () -> anyAddress().get(server.url("/unreadable"), "*/*"));
        assertThat(unreadable.kind()).isEqualTo(Kind.REDIRECT_REFUSED);
        assertThat(unreadable.describe().in(Language.FR)).isEqualTo(server.url("/unreadable")
                + " : redirigé vers une adresse illisible : http://exa mple.org/ a");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://localhost:{port}/doc|127.0.0.1|loopback|boucle locale",
            "http://127.0.0.2:{port}/doc|127.0.0.2|loopback|boucle locale",
            "http://[::1]:{port}/doc|::1|loopback|boucle locale",
            "http://2130706433:{port}/doc|127.0.0.1|loopback|boucle locale",
            "http://0x7f.1:{port}/doc|127.0.0.1|loopback|boucle locale",
            "http://169.254.169.254/latest/meta-data/|169.254.169.254|link-local|lien local",
            "http://192.168.1.1/admin|192.168.1.1|private network|réseau privé",
            "https://[::ffff:10.0.0.1]/|10.0.0.1|private network|réseau privé"})
    void aRedirectToAnAddressTheRuleRefusesIsNeverAskedFor(String row) {
        String[] cells = row.replace("{port}", String.valueOf(server.port())).split("\\|");
        String target = cells[0];
        privateTarget = target;
        URI start = server.url("/to-private");
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> publicOnlyButTheTestServer().get(start, "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
        // localhost may resolve to ::1 first.
        String address = target.contains("localhost") ? e.getMessage().replaceAll(".*address (\\S+) refused.*", "$1")
                : cells[1];
        assertThat(e).hasMessage(start + ": redirected to " + target + ": address " + address + " refused ("
                + cells[2] + "); --allow-private-addresses allows it");
        assertThat(e.describe().in(Language.FR)).isEqualTo(start + " : redirigé vers " + target + " : adresse "
                + address + " refusée (" + cells[3] + ") ; --allow-private-addresses l'autorise");
        // The target was never asked for: the only request is the one that redirected.
        assertThat(server.requests()).containsExactly("/to-private");
    }

    @Test
    void withoutTheExemptionTheTestServerItselfIsRefusedBeforeAnyRequest() {
        FetchException e = catchThrowableOfType(FetchException.class, () -> new BoundedDownload(FEED, UNREACHED, 1000,
                AddressPolicy.PUBLIC_ONLY).get(server.url("/doc"), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
        assertThat(e).hasMessage(server.url("/doc") + ": address 127.0.0.1 refused (loopback)");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void httpsToHttpIsRefusedAndTheOtherWaysAreFollowed() throws FetchException {
        URI secure = URI.create("https://example.org/agenda.ics");
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> Redirects.target(secure, secure, 301, "http://example.org/agenda.ics"));
        assertThat(e.kind()).isEqualTo(Kind.REDIRECT_REFUSED);
        assertThat(e).hasMessage("https://example.org/agenda.ics: redirected from https to http "
                + "(http://example.org/agenda.ics): refused");
        assertThat(e.describe().in(Language.FR)).isEqualTo("https://example.org/agenda.ics : redirigé de https vers "
                + "http (http://example.org/agenda.ics) : refusé");
        assertThat(Redirects.target(secure, secure, 301, "https://cdn.example.org/a.ics"))
                .isEqualTo(URI.create("https://cdn.example.org/a.ics"));
        URI plain = URI.create("http://example.org/agenda.ics");
        assertThat(Redirects.target(plain, plain, 301, "https://example.org/agenda.ics"))
                .isEqualTo(URI.create("https://example.org/agenda.ics"));
    }

    @Test
    void aRelativeLocationAfterAnAddressWithNoPathKeepsItsSlash() throws FetchException {
        URI bare = URI.create("http://example.org");
        assertThat(Redirects.target(bare, bare, 302, "agenda.ics"))
                .isEqualTo(URI.create("http://example.org/agenda.ics"));
    }
}
