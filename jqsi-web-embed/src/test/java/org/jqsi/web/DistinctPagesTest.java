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
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.GeneratedProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * List pages of random filter combinations, each asked once (as {@code jqsi-bench/distinct.lua} asks them, and as
 * crawlers and first visits do), are the bytes recorded in {@code distinct-pages.txt} from the code before
 * the fresh page's path was made faster (issue 23): its filter form (choices rendered once), the queries of its
 * links (encoded once), its title, its feed links, the reading of its request and the query behind it. Where
 * {@link RenderedBytesTest} pins 26 chosen pages, this pins ~230 combinations no one chose: editions, regions and
 * kinds once, twice or misspelled in case, date windows, words with accents and characters to escape, modes,
 * languages, accessibility, free, themes, partners, layouts, fragments, second pages, both languages, asked by
 * {@code lang} or by {@code Accept-Language}, and refused requests.
 *
 * <p>Each server keeps its caches (cards, choices) on, and also runs with none ({@code cacheBytes} and
 * {@code cardBytes} 0), so that the recorded bytes are those with and without anything kept. To record again after
 * a change meant to change pages: {@code -Djqsi.distinct.record=true}, then copy {@code target/distinct-pages.txt}
 * over the one in {@code src/test/resources}, after reading why they differ.
 */
class DistinctPagesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);
    private static final List<String> EDITIONS =
            List.of("jqsi-2019", "jqsi-2020", "jqsi-2021", "jqsi-2022", "jqsi-2023", "all");
    private static final List<String> KINDS = List.of("conference", "screening", "concert", "exhibition", "quiz",
            "panel", "discussion", "workshop", "publication", "Workshop", "other", "online-event");
    private static final List<String> MODES = List.of("in-person", "online", "mixed", "In_Person", "hybrid");
    private static final List<String> WORDS = List.of("solidarite", "refugies", "climat", "egalite", "femmes",
            "paix", "justice", "%C3%A9galit%C3%A9", "r%C3%A9fugi%C3%A9s+femmes", "%22femmes%22+%26+paix",
            "l%27%C3%A9galit%C3%A9", "%3Cscript%3E", "film", "conf%C3%A9rences");
    private static final List<String> FEATURES = List.of("captions", "sign-language", "wheelchair",
            "audio-description", "quiet-space", "hearing-loop");

    private final List<Server> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Server server : servers) {
            server.stop();
        }
    }

    @Test
    void pagesOfRandomFiltersAreTheBytesRecorded() throws Exception {
        Program generated = Program.of(GeneratedProgram.of(1_000, 2021));
        Program pictures = PicturesProgram.of();
        List<String> pages = pages(new Random(2312), 200);
        StringBuilder recorded = new StringBuilder();
        for (long bytes : new long[] {32L << 20, 0}) {
            LocalConnector kept = serve(generated, bytes);
            LocalConnector sample = serve(pictures, bytes);
            StringBuilder run = new StringBuilder();
            for (String page : pages) {
                run.append(line(kept, "generated", page));
            }
            for (String page : pages.subList(0, 30)) {
                run.append(line(sample, "sample", page));
            }
            if (recorded.length() == 0) {
                recorded.append(run);
            } else {
                assertThat(run.toString()).as("with nothing kept").isEqualTo(recorded.toString());
            }
        }
        if (Boolean.getBoolean("jqsi.distinct.record")) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "distinct-pages.txt"), recorded);
        }
        assertThat(recorded.toString()).isEqualTo(expected());
    }

    /** Random list requests, with their {@code Accept-Language} after a tab when they have one. */
    private static List<String> pages(Random random, int count) {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> parameters = new ArrayList<>();
            int editions = random.nextInt(8);
            if (editions < 6) {
                parameters.add("edition=" + EDITIONS.get(editions));
            } else if (editions == 6) {
                parameters.add("edition=jqsi-2021");
                parameters.add("edition=" + EDITIONS.get(random.nextInt(EDITIONS.size())));
            }
            int regions = random.nextInt(6);
            for (int r = 0; r < Math.min(regions, 3) - 1; r++) {
                parameters.add("region=" + String.format("%02d", 1 + random.nextInt(17)));
            }
            if (regions == 5) {
                parameters.add("region=Mauricie");
            }
            if (random.nextInt(3) > 0) {
                parameters.add("kind=" + KINDS.get(random.nextInt(KINDS.size())));
                if (random.nextInt(6) == 0) {
                    parameters.add("kind=" + KINDS.get(random.nextInt(KINDS.size())));
                }
            }
            if (random.nextInt(6) == 0) {
                parameters.add("mode=" + MODES.get(random.nextInt(MODES.size())));
            }
            if (random.nextInt(8) == 0) {
                parameters.add("language=" + (random.nextBoolean() ? "en" : "fr-CA"));
            }
            if (random.nextInt(6) == 0) {
                parameters.add("accessibility=" + FEATURES.get(random.nextInt(FEATURES.size())));
            }
            int dates = random.nextInt(12);
            if (dates > 0) {
                int year = 2019 + random.nextInt(5);
                if (dates != 11) {
                    parameters.add(String.format("from=%d-11-%02d", year, dates));
                }
                if (dates != 10) {
                    parameters.add(String.format("to=%d-11-%02d", year, dates * 2));
                }
            }
            if (random.nextInt(4) > 0) {
                parameters.add("q=" + WORDS.get(random.nextInt(WORDS.size())));
            }
            if (random.nextInt(8) == 0) {
                parameters.add(random.nextBoolean() ? "free=true" : "free=no");
            }
            if (random.nextInt(12) == 0) {
                parameters.add(random.nextBoolean() ? "theme=theme-special" : "partner=p" + random.nextInt(45));
            }
            if (random.nextInt(6) == 0) {
                parameters.add("fragment=1");
            }
            if (random.nextInt(8) == 0) {
                parameters.add("layout=compact");
            }
            if (random.nextInt(6) == 0) {
                parameters.add("page=" + (2 + random.nextInt(2)));
            }
            if (random.nextInt(10) == 0) {
                parameters.add("utm_source=newsletter");
            }
            int language = random.nextInt(5);
            if (language < 2) {
                parameters.add("lang=" + (language == 0 ? "fr" : "en"));
            }
            Collections.shuffle(parameters, random);
            String page = "/widget/" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
            if (language == 2) {
                page += "\ten-CA,en;q=0.8,fr;q=0.5";
            }
            pages.add(page);
        }
        return pages;
    }

    private LocalConnector serve(Program program, long bytes) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        WidgetSettings settings = WidgetSettings.builder().cacheBytes(bytes).cardBytes(bytes).build();
        context.addServlet(new ServletHolder(new JqsiWidgetServlet(() -> program, settings, CLOCK)), "/widget/*");
        server.setHandler(context);
        server.start();
        servers.add(server);
        return connector;
    }

    /** The body's SHA-256 and length, the status, and the request. */
    private static String line(LocalConnector connector, String program, String page) throws Exception {
        String[] parts = page.split("\t");
        String request = "GET " + parts[0] + " HTTP/1.1\r\nHost: widget.test\r\n"
                + (parts.length > 1 ? "Accept-Language: " + parts[1] + "\r\n" : "") + "Connection: close\r\n\r\n";
        HttpTester.Response response = HttpTester.parseResponse(connector.getResponse(
                ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)), 60, TimeUnit.SECONDS));
        byte[] body = withoutAssetVersions(response.getContentBytes());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)) + " " + body.length + " "
                + response.getStatus() + " " + program + " " + page.replace('\t', ' ') + "\n";
    }

    /** {@code assets/widget.0123abcd.css} as {@code assets/widget.*.css}: the CSS and scripts are not rendered. */
    private static byte[] withoutAssetVersions(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.replaceAll("(assets/[a-z-]+)\\.[0-9a-f]{8,}\\.(css|js)", "$1.*.$2")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String expected() throws IOException {
        try (InputStream in = DistinctPagesTest.class.getResourceAsStream("distinct-pages.txt")) {
            return in == null ? "(not recorded)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
