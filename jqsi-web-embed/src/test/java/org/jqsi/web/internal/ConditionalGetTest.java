package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.WebCalendarLinks;
import org.jqsi.ical.EventHistory;
import org.jqsi.ical.IcalSettings;
import org.jqsi.web.JqsiWidgetServlet;
import org.jqsi.web.WidgetSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route answers conditional requests the same way, through {@link ConditionalGet}. */
class ConditionalGetTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    private static final String STYLESHEET = new Assets().versionedName("widget.css");

    private static Server server;
    private static String base;
    private final HttpClient client = HttpClient.newHttpClient();

    /** One address per route, with the {@code Vary} and whether a {@code Last-Modified} are expected. */
    static Stream<Arguments> everyRoute() {
        return Stream.of(
                Arguments.of("/", "Accept-Language", true),
                Arguments.of("/embed.js", null, false),
                Arguments.of("/assets/" + STYLESHEET, null, false),
                Arguments.of("/feed.ics?region=04", "Accept-Language", true),
                Arguments.of("/feed.json?region=04", "Accept-Language", true),
                Arguments.of("/feed.jsonld?region=04", "Accept-Language", true),
                Arguments.of("/activities/" + SampleProgram.LOIN_DE_BACHAR + ".ics", "Accept-Language", true),
                Arguments.of("/activities/" + SampleProgram.LOIN_DE_BACHAR, "Accept-Language", true));
    }

    @BeforeAll
    static void start() throws Exception {
        Program sample = Program.of(SampleProgram.data());
        Supplier<Program> program = () -> sample;
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new JqsiWidgetServlet(program, WidgetSettings.defaults(), CLOCK)),
                "/widget/*");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/widget";
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void theTableCoversEveryRoute() {
        IcalSettings ical = IcalSettings.defaults();
        WidgetRoutes routes = new WidgetRoutes(() -> Program.of(SampleProgram.data()), WidgetSettings.defaults(),
                CLOCK, new CalendarExporter(ical, EventHistory.inMemory(), CLOCK), new WebCalendarLinks(ical));
        Set<Integer> served = new TreeSet<>();
        everyRoute().forEach(row -> {
            String path = URI.create("http://x" + row.get()[0]).getPath();
            for (int i = 0; i < routes.routes().size(); i++) {
                if (routes.routes().get(i).path().matcher(path).matches()) {
                    served.add(i);
                    break;
                }
            }
        });
        assertThat(served).hasSize(routes.routes().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoute")
    void answersWithValidatorsAndNotModified(String path, String vary, boolean lastModified) throws Exception {
        HttpResponse<byte[]> full = send("GET", path);
        assertThat(full.statusCode()).isEqualTo(200);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]+\"");
        String cacheControl = full.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).startsWith("public, max-age=");
        assertThat(full.headers().allValues("Vary")).isEqualTo(vary == null ? List.of() : List.of(vary));
        assertThat(full.headers().firstValue("Last-Modified").isPresent()).isEqualTo(lastModified);
        assertThat(full.body()).isNotEmpty();

        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            HttpResponse<byte[]> current = send("GET", path, "If-None-Match", ifNoneMatch);
            assertThat(current.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(current.body()).as(ifNoneMatch).isEmpty();
            assertThat(current.headers().firstValue("ETag")).as(ifNoneMatch).hasValue(etag);
            assertThat(current.headers().firstValue("Cache-Control")).as(ifNoneMatch).hasValue(cacheControl);
            assertThat(current.headers().allValues("Vary")).as(ifNoneMatch).isEqualTo(full.headers().allValues("Vary"));
        }
        assertThat(send("GET", path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> head = send("HEAD", path);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(full.body().length));
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(full.headers().firstValue("Content-Type"));
        assertThat(send("HEAD", path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoute")
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatch(String path, String vary, boolean lastModified)
            throws Exception {
        HttpResponse<byte[]> full = send("GET", path);
        if (!lastModified) {
            assertThat(send("GET", path, "If-Modified-Since", "Mon, 23 Nov 2026 15:00:00 GMT").statusCode())
                    .isEqualTo(200);
            return;
        }
        String since = full.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(send("GET", path, "If-Modified-Since", since).statusCode()).isEqualTo(304);
        assertThat(send("GET", path, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode())
                .isEqualTo(200);
        assertThat(send("GET", path, "If-Modified-Since", "garbage").statusCode()).isEqualTo(200);
        // If-None-Match wins: a tag that does not match is a stale copy, whatever its date.
        assertThat(send("GET", path, "If-None-Match", "\"other\"", "If-Modified-Since", since).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
