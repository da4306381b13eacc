package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.GeneratedProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The widget's pages are the same bytes as when {@code rendered-bytes.txt} was recorded: a change meant to make
 * rendering faster must not change a byte of what it renders. Pages of the shipped sample (with pictures and
 * accessibility, {@link PicturesProgram}) and of a generated program
 * (every kind, region, schedule and accent the generator makes), in both languages, filtered, searched, paged, as
 * fragments, activities' pages and an error page; each compared by its SHA-256.
 *
 * <p>The static files' versioned names ({@code widget.<hash>.css}) are left out of the comparison: they change with
 * the CSS and scripts, which are not rendered. When a page is meant to change, record the file again with
 * {@code -Djqsi.rendered.record=true} (it is written to {@code target/rendered-bytes.txt}; copy it over the one in
 * {@code src/test/resources} after reading the differences in {@code target/rendered-pages/}).
 */
class RenderedBytesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);
    private static final List<String> SAMPLE = List.of(
            "/widget/",
            "/widget/?lang=en",
            "/widget/?edition=all",
            "/widget/?edition=all&lang=en",
            "/widget/?edition=all&kind=screening&lang=en",
            "/widget/?edition=all&q=film",
            "/widget/?edition=all&fragment=1",
            "/widget/?edition=all&layout=compact&lang=en",
            "/widget/?edition=all&accessibility=captions",
            "/widget/activities/loin-de-bachar-2020",
            "/widget/activities/loin-de-bachar-2020?lang=en",
            "/widget/activities/loin-de-bachar-2020?edition=all&region=06&lang=en",
            "/widget/?page=99");
    private static final List<String> GENERATED = List.of(
            "/widget/?edition=jqsi-2021",
            "/widget/?edition=jqsi-2021&lang=en",
            "/widget/?edition=jqsi-2021&page=2",
            "/widget/?edition=all&region=06&kind=conference&lang=en",
            "/widget/?edition=all&region=11",
            "/widget/?edition=all&q=solidarite",
            "/widget/?edition=jqsi-2020&from=2020-11-03&to=2020-11-09&lang=en",
            "/widget/?edition=jqsi-2022&mode=online&fragment=1",
            "/widget/?edition=all&free=true&lang=en",
            "/widget/activities/activite-7",
            "/widget/activities/activite-7?lang=en",
            "/widget/activities/activite-42?edition=jqsi-2021&lang=en",
            "/widget/activities/activite-133");

    private static final List<Server> SERVERS = new ArrayList<>();
    private static LocalConnector sample;
    private static LocalConnector generated;

    @BeforeAll
    static void start() throws Exception {
        sample = serve(PicturesProgram.of(), WidgetSettings.builder()
                .imageOrigins(List.of(PicturesProgram.IMAGES_ORIGIN)).build());
        generated = serve(Program.of(GeneratedProgram.of(1_000, 2021)), WidgetSettings.defaults());
    }

    /** The servlet, in memory. */
    private static LocalConnector serve(Program program, WidgetSettings settings) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new JqsiWidgetServlet(() -> program, settings, CLOCK)),
                "/widget/*");
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
    void pagesAreTheBytesRecorded() throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        render(SAMPLE, sample, "sample", actual, bodies);
        render(GENERATED, generated, "generated", actual, bodies);
        StringBuilder recorded = new StringBuilder();
        actual.forEach((page, hash) -> recorded.append(hash).append(' ').append(page).append('\n'));
        Path target = Path.of("target");
        Files.createDirectories(target.resolve("rendered-pages"));
        int i = 0;
        for (byte[] body : bodies.values()) {
            Files.write(target.resolve("rendered-pages").resolve(String.format("%02d.html", i++)), body);
        }
        if (Boolean.getBoolean("jqsi.rendered.record")) {
            Files.writeString(target.resolve("rendered-bytes.txt"), recorded);
        }
        assertThat(recorded.toString()).isEqualTo(expected());
    }

    private static void render(List<String> pages, LocalConnector connector, String program,
            Map<String, String> hashes, Map<String, byte[]> bodies) throws Exception {
        for (String page : pages) {
            HttpTester.Response response = HttpTester.parseResponse(connector.getResponse(
                    ByteBuffer.wrap(("GET " + page + " HTTP/1.1\r\nHost: widget.test\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8))));
            byte[] body = withoutAssetVersions(response.getContentBytes());
            String key = program + " " + response.getStatus() + " " + page;
            hashes.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                    + " " + body.length);
            bodies.put(key, body);
        }
    }

    /** {@code assets/widget.0123abcd.css} as {@code assets/widget.*.css}: the CSS and scripts are not rendered. */
    private static byte[] withoutAssetVersions(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.replaceAll("(assets/[a-z-]+)\\.[0-9a-f]{8,}\\.(css|js)", "$1.*.$2")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String expected() throws IOException {
        try (InputStream in = RenderedBytesTest.class.getResourceAsStream("rendered-bytes.txt")) {
            return in == null ? "(not recorded)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
