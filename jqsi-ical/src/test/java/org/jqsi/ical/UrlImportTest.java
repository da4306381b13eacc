package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.fetch.FetchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching a partner's feed over HTTP, from a server on the loopback interface: refused by default, as any address
 * that leads into the machine, and fetched when every address is allowed.
 */
class UrlImportTest {

    private static final FeedTarget TARGET = FeedTarget.of(SampleProgram.editions().get(1), "cs3r", Region.MAURICIE);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-01T12:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final CountDownLatch testOver = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cs3r.ics", exchange -> {
            byte[] body;
            try (InputStream in = UrlImportTest.class.getResourceAsStream("/feeds/google-cs3r.ics")) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/missing.ics", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        // Answers only once the test is over: however slow the machine, the client's deadline comes first.
        server.createContext("/slow.ics", exchange -> {
            try {
                testOver.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
    }

    @Test
    void a_feed_is_fetched_and_imported() throws IOException {
        ImportResult result = new CalendarImporter(IcalSettings.defaults(), CLOCK, AddressPolicy.ANY_ADDRESS)
                .importFeed(url("/cs3r.ics"), TARGET, List.of());
        assertThat(result.added()).hasSize(7);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void an_http_error_is_an_io_error() {
        assertThatThrownBy(() -> new CalendarImporter(IcalSettings.defaults(), CLOCK, AddressPolicy.ANY_ADDRESS)
                .importFeed(url("/missing.ics"), TARGET, List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void a_slow_server_times_out() {
        CalendarImporter impatient = new CalendarImporter(
                IcalSettings.defaults().withImportLimits(Duration.ofMillis(500), 1_000_000), CLOCK,
                AddressPolicy.ANY_ADDRESS);
        assertThatThrownBy(() -> impatient.importFeed(url("/slow.ics"), TARGET, List.of()))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMED_OUT));
    }

    @Test
    void a_feed_over_the_size_limit_is_refused() {
        CalendarImporter small = new CalendarImporter(
                IcalSettings.defaults().withImportLimits(Duration.ofMinutes(5), 1_000), CLOCK,
                AddressPolicy.ANY_ADDRESS);
        assertThatThrownBy(() -> small.importFeed(url("/cs3r.ics"), TARGET, List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than 1000 bytes");
    }

    @Test
    void by_default_a_feed_on_the_loopback_interface_is_refused_before_it_is_asked_for() {
        assertThatThrownBy(() -> new CalendarImporter(IcalSettings.defaults(), CLOCK)
                .importFeed(url("/cs3r.ics"), TARGET, List.of()))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.ADDRESS_REFUSED);
                    assertThat(e.describe().in(Language.FR)).isEqualTo(url("/cs3r.ics")
                            + " : adresse 127.0.0.1 refusée (boucle locale)");
                });
    }

    @Test
    void a_webcal_address_is_judged_as_the_https_address_it_stands_for() {
        assertThatThrownBy(() -> new CalendarImporter(IcalSettings.defaults(), CLOCK)
                .importFeed(URI.create("webcal://169.254.169.254/feed.ics"), TARGET, List.of()))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("https://169.254.169.254/feed.ics: address 169.254.169.254 refused (link-local)"));
    }
}
