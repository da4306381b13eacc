package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.fetch.FetchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partner feeds that are huge, endless, trickled or built to explode: each gets a clear error within a bounded time
 * and memory, and the importer is free again at once.
 *
 * <p>What is asserted is which bound stopped an import, never how fast: the feeds that misbehave do so until the
 * client gives up, and the timeout on each test only catches a hang, even on a machine loaded far beyond its cores.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileFeedTest {

    private static final FeedTarget TARGET = FeedTarget.of(SampleProgram.editions().get(1), "cs3r", Region.MAURICIE);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-01T12:00:00Z"), ZoneOffset.UTC);
    /** A size limit, and a deadline that no test reaches: what stops a feed is then the size or its format. */
    private static final IcalSettings LIMITS = IcalSettings.defaults()
            .withImportLimits(Duration.ofHours(1), 1_000_000);
    /** The deadline under test. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private HttpServer server;

    /** Bytes that never end: a calendar header and then the same event forever. */
    static InputStream endless() {
        byte[] head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] event = "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20211105T190000Z\r\nSUMMARY:again\r\nEND:VEVENT\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                long p = position++;
                return p < head.length ? head[(int) p] : event[(int) ((p - head.length) % event.length)];
            }
        };
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/trickle.ics", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // Until the client hangs up: only the import's deadline can end it.
                while (true) {
                    Thread.sleep(100);
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException | IOException e) {
                // The client hung up: expected.
            }
        });
        server.createContext("/endless.ics", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody(); InputStream in = endless()) {
                byte[] buffer = new byte[65536];
                while (true) {
                    for (int i = 0; i < buffer.length; i++) {
                        buffer[i] = (byte) in.read();
                    }
                    out.write(buffer);
                }
            } catch (IOException e) {
                // The client hung up: expected.
            }
        });
        server.createContext("/garbage.ics", exchange -> {
            byte[] body = "<html>502 Bad Gateway</html>\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aFeedWhoseBodyTricklesIsCutOffAtTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> new CalendarImporter(LIMITS.withImportLimits(DEADLINE, 1_000_000), CLOCK,
                AddressPolicy.ANY_ADDRESS).importFeed(url("/trickle.ics"), TARGET, List.of()))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMED_OUT))
                .hasMessageContaining("no complete answer within 2 s");
        // At the deadline, not before it (a slow machine can only make it later).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE);
    }

    @Test
    void anEndlessFeedOverHttpStopsAtTheSizeLimit() {
        assertThatThrownBy(() -> new CalendarImporter(LIMITS, CLOCK, AddressPolicy.ANY_ADDRESS).importFeed(
                url("/endless.ics"), TARGET, List.of())).isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
                .hasMessageContaining("larger than 1000000 bytes");
    }

    @Test
    void garbageIsAFeedFormatError() {
        assertThatThrownBy(() -> new CalendarImporter(LIMITS, CLOCK, AddressPolicy.ANY_ADDRESS).importFeed(
                url("/garbage.ics"), TARGET, List.of())).isInstanceOf(FeedFormatException.class);
    }

    @Test
    void anEndlessStreamOrReaderStopsAtTheSizeLimit() throws IOException {
        CalendarImporter importer = new CalendarImporter(LIMITS, CLOCK);
        assertThatThrownBy(() -> importer.importFeed(endless(), TARGET, List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than 1000000 bytes");
        try (Reader reader = new java.io.InputStreamReader(endless(), StandardCharsets.US_ASCII)) {
            assertThatThrownBy(() -> importer.importFeed(reader, TARGET, List.of()))
                    .isInstanceOf(IOException.class).hasMessageContaining("larger than 1000000 characters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "FREQ=SECONDLY",
            "FREQ=MINUTELY",
            "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;"
                    + "BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29",
    })
    void aRecurrenceThatWouldMakeMillionsOfDatesIsRefusedWithoutMakingThem(String rule) throws IOException {
        String feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:bomb@x\r\n"
                + "DTSTAMP:20211001T000000Z\r\nDTSTART:20211105T190000Z\r\nRRULE:" + rule
                + "\r\nSUMMARY:bomb\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:fine@x\r\nDTSTAMP:20211001T000000Z\r\n"
                + "DTSTART:20211105T190000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:fine\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        ImportResult result = new CalendarImporter(LIMITS, CLOCK).importFeed(new java.io.StringReader(feed), TARGET,
                List.of());
        assertThat(result.problems()).extracting(Problem::code).containsExactly("event.recurrence-too-large");
        // Refused by a count (the steps a rule would take, or the dates it gave), not a clock: how long that took
        // says nothing here, and the timeout above only catches a rule expanded without bound.
        assertThat(result.problems().get(0).message(Language.EN)).containsAnyOf("makes too many dates (over",
                "dates during the edition (at most");
        assertThat(result.activities()).hasSize(3);
    }
}
