package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.web.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The widget's response headers are the ones recorded in {@code response-headers.txt}: every header, its value and
 * its order, on a first request, on the same request again (answered from the cache), on a {@code 304}, a
 * {@code HEAD}, a fragment read from another site, an activity's page with its JSON-LD, feeds, static files, an
 * error and a preflight. A change meant to make a response cheaper must not change what it says: the security headers
 * (CSP, {@code nosniff}, {@code Referrer-Policy}) least of all.
 *
 * <p>Two things are written as what they must be rather than as bytes, so that a change of the CSS or of a page's
 * markup (which {@code RenderedBytesTest} pins) does not show up here: {@code Content-Length}, checked against the body
 * it came with, and each {@code ETag}, numbered by its first appearance ({@code etag#2}), so that the recording still
 * says which responses share a tag (a page and its cached copy must) and which do not. {@code Date} and Jetty's
 * {@code Server} are left out. To
 * record the file again, run with {@code -Djqsi.headers.record=true} and copy {@code target/response-headers.txt} over
 * the one in {@code src/test/resources}, after reading the differences.
 */
class ResponseHeadersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);
    private static final String PAGE = "/widget/?edition=jqsi-2021";

    private static final List<Server> SERVERS = new ArrayList<>();
    private static LocalConnector open;
    private static LocalConnector limited;

    @BeforeAll
    static void start() throws Exception {
        Program generated = Program.of(GeneratedProgram.of(1_000, 2021));
        open = serve(generated, WidgetSettings.defaults(), CLOCK);
        limited = serve(generated, WidgetSettings.builder().frameAncestors(List.of("https://partner.example"))
                .corsOrigins(List.of("https://partner.example")).imageOrigins(List.of("https://images.example"))
                .build(), CLOCK);
    }

    private static LocalConnector serve(Program program, WidgetSettings settings, Clock clock) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new JqsiWidgetServlet(() -> program, settings, clock)), "/widget/*");
        server.setHandler(context);
        server.start();
        SERVERS.add(server);
        return connector;
    }

    @AfterAll
    static void stop() throws Exception {
        for (Server server : SERVERS) {
            server.stop();
        }
    }

    @Test
    void headersAreTheOnesRecorded() throws Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        StringBuilder recorded = new StringBuilder();
        String etag = header(open, "GET", PAGE, "", "ETag");
        String lastModified = header(open, "GET", PAGE, "", "Last-Modified");
        List<Object[]> exchanges = List.of(
                new Object[] {open, "GET", PAGE, ""},
                new Object[] {open, "GET", PAGE, ""},
                new Object[] {open, "HEAD", PAGE, ""},
                new Object[] {open, "GET", PAGE, "If-None-Match: " + etag + "\r\n"},
                new Object[] {open, "GET", PAGE, "If-None-Match: \"other\", W/" + etag + "\r\n"},
                new Object[] {open, "GET", PAGE, "If-Modified-Since: " + lastModified + "\r\n"},
                new Object[] {open, "GET", "/widget/", ""},
                new Object[] {open, "GET", "/widget/", "Accept-Language: en-CA,en;q=0.8\r\n"},
                new Object[] {open, "GET", PAGE + "&lang=en&page=2", ""},
                new Object[] {open, "GET", PAGE + "&fragment=1", ""},
                new Object[] {open, "GET", PAGE + "&fragment=1", ""},
                new Object[] {open, "GET", PAGE + "&region=99", ""},
                new Object[] {open, "GET", PAGE + "&page=999", ""},
                new Object[] {open, "GET", "/widget/activities/activite-7", ""},
                new Object[] {open, "GET", "/widget/activities/activite-7", ""},
                new Object[] {open, "GET", "/widget/activities/activite-7?fragment=1&lang=en", ""},
                new Object[] {open, "GET", "/widget/activities/nowhere", ""},
                new Object[] {open, "GET", "/widget/feed.ics?edition=all&region=06", ""},
                new Object[] {open, "GET", "/widget/feed.json?edition=all&region=06", ""},
                new Object[] {open, "GET", "/widget/activities/activite-7.ics", ""},
                new Object[] {open, "GET", "/widget/embed.js", ""},
                new Object[] {open, "OPTIONS", "/widget/feed.ics", "Origin: https://elsewhere.example\r\n"
                        + "Access-Control-Request-Method: GET\r\n"},
                new Object[] {open, "POST", PAGE, ""},
                new Object[] {limited, "GET", PAGE, ""},
                new Object[] {limited, "GET", PAGE + "&fragment=1", "Origin: https://partner.example\r\n"},
                new Object[] {limited, "GET", PAGE + "&fragment=1", "Origin: https://partner.example\r\n"},
                new Object[] {limited, "GET", PAGE + "&fragment=1", "Origin: https://elsewhere.example\r\n"},
                new Object[] {limited, "GET", "/widget/feed.json?region=06", "Origin: https://partner.example\r\n"});
        for (Object[] exchange : exchanges) {
            HttpTester.Response response = exchange((LocalConnector) exchange[0], (String) exchange[1],
                    (String) exchange[2], (String) exchange[3]);
            recorded.append(exchange[0] == open ? "open " : "limited ").append(exchange[1]).append(' ')
                    .append(exchange[2]).append(((String) exchange[3]).isEmpty() ? ""
                            : " [" + ((String) exchange[3]).strip().replace("\r\n", " | ") + "]")
                    .append('\n').append(headers(response, tags)).append('\n');
        }
        String css = exchange(open, "GET", PAGE, "").getContent().replaceAll("(?s).*/widget/(assets/widget\\.[0-9a-f]+"
                + "\\.css).*", "$1");
        recorded.append("open GET /widget/").append("assets/widget.*.css\n")
                .append(headers(exchange(open, "GET", "/widget/" + css, ""), tags)).append('\n');
        if (Boolean.getBoolean("jqsi.headers.record")) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "response-headers.txt"), recorded);
        }
        assertThat(recorded.toString()).isEqualTo(expected());
    }

    @Test
    void aPageOfTheEditionOfTheDayIsReadAgainOnTheNextDay() throws Exception {
        // The sample's 2020 edition runs until 14 November; from the 15th the 2021 one is the next.
        MutableClock clock = new MutableClock(Instant.parse("2020-11-14T23:00:00Z"));
        LocalConnector connector = serve(Program.of(SampleProgram.data()), WidgetSettings.defaults(), clock);
        HttpTester.Response before = exchange(connector, "GET", "/widget/", "");
        assertThat(exchange(connector, "GET", "/widget/", "").get("ETag")).isEqualTo(before.get("ETag"));
        clock.advance(Duration.ofHours(6));
        HttpTester.Response after = exchange(connector, "GET", "/widget/", "");
        assertThat(before.getContent()).contains("JQSI 2020");
        assertThat(after.getContent()).contains("JQSI 2021").doesNotContain("Programme des JQSI 2020");
        assertThat(after.get("ETag")).isNotEqualTo(before.get("ETag"));
        assertThat(after.get("Last-Modified")).isEqualTo("Sun, 15 Nov 2020 05:00:00 GMT");
    }

    private static String header(LocalConnector connector, String method, String path, String more, String name)
            throws Exception {
        return exchange(connector, method, path, more).get(name);
    }

    private static HttpTester.Response exchange(LocalConnector connector, String method, String path, String more)
            throws Exception {
        String request = method + " " + path + " HTTP/1.1\r\nHost: widget.test\r\n" + more
                + (method.equals("POST") ? "Content-Length: 0\r\n" : "") + "Connection: close\r\n\r\n";
        ByteBuffer raw = connector.getResponse(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
        HttpTester.Response response = method.equals("HEAD") ? HttpTester.parseHeadResponse(raw)
                : HttpTester.parseResponse(raw);
        assertThat(response).as(request).isNotNull();
        return response;
    }

    /** The status and headers as sent, each tag numbered, the length checked and named. */
    private static String headers(HttpTester.Response response, Map<String, String> tags) {
        StringBuilder out = new StringBuilder().append(response.getStatus()).append('\n');
        for (HttpField field : response) {
            String value = field.getValue();
            switch (field.getName()) {
                case "Date", "Server" -> {
                    continue;
                }
                case "ETag" -> value = tags.computeIfAbsent(value, v -> "etag#" + (tags.size() + 1));
                case "Content-Length" -> {
                    byte[] body = response.getContentBytes();
                    if (body != null && body.length > 0) {
                        assertThat(Integer.parseInt(value)).as("Content-Length").isEqualTo(body.length);
                    }
                    value = "<the body's length>";
                }
                default -> {
                }
            }
            out.append(field.getName()).append(": ").append(value).append('\n');
        }
        return out.toString();
    }

    private static String expected() throws IOException {
        try (InputStream in = ResponseHeadersTest.class.getResourceAsStream("response-headers.txt")) {
            return in == null ? "(not recorded)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
