package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
 * The list's cards kept rendered ({@link WidgetSettings#cardBytes()}) make the same pages, byte for byte, as cards
 * rendered for every page: across filters, languages, pages, fragments, widget addresses, a small bound that evicts
 * all the time, concurrent requests, and a new program version. Every server here keeps no whole response
 * ({@code cacheBytes 0}), so that each page is rendered from its cards.
 */
class KeptCardsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);
    private static final Program PROGRAM = Program.of(GeneratedProgram.of(1_000, 2021));
    private static final List<String> EDITIONS =
            List.of("jqsi-2019", "jqsi-2020", "jqsi-2021", "jqsi-2022", "jqsi-2023", "all");
    private static final List<String> KINDS = List.of("", "conference", "screening", "concert", "exhibition",
            "workshop", "discussion");
    private static final List<String> WORDS = List.of("", "solidarite", "refugies", "climat", "egalite", "femmes");

    private final List<Server> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Server server : servers) {
            server.stop();
        }
    }

    @Test
    void pagesAreTheSameBytesAsWithEveryCardRendered() throws Exception {
        LocalConnector everyCard = serve(() -> PROGRAM, 0);
        LocalConnector kept = serve(() -> PROGRAM, WidgetSettings.DEFAULT_CARD_BYTES);
        // About 25 cards: nearly every card is evicted before it is asked for again.
        LocalConnector small = serve(() -> PROGRAM, 64 * 1024);
        List<String> pages = pages(new Random(23), 160);
        for (int round = 0; round < 2; round++) {
            for (String page : pages) {
                String expected = body(everyCard, page, "widget.test");
                assertThat(body(kept, page, "widget.test")).as(page).isEqualTo(expected);
                assertThat(body(small, page, "widget.test")).as(page).isEqualTo(expected);
                // Both servers write cards the same way: that the links carry the page's query is checked here.
                assertThat(expected).as(page).doesNotContainPattern("activities/[a-z0-9-]+[\"#]");
                if (expected.contains("<h3 id=\"jqsi-a-")) {
                    assertThat(expected).as(page).containsPattern("activities/[a-z0-9-]+\\?[^\"]*lang=");
                }
            }
        }
    }

    @Test
    void cardsOfAnotherAddressAreNotShown() throws Exception {
        LocalConnector everyCard = serve(() -> PROGRAM, 0);
        LocalConnector kept = serve(() -> PROGRAM, WidgetSettings.DEFAULT_CARD_BYTES);
        for (String page : pages(new Random(7), 30)) {
            for (String host : List.of("widget.test", "other.example:8443")) {
                String body = body(kept, page, host);
                assertThat(body).as(host + page).isEqualTo(body(everyCard, page, host));
                if (body.contains("jqsi-activity")) {
                    assertThat(body).contains("http://" + host + "/widget/activities/");
                }
            }
        }
    }

    @Test
    void concurrentPagesAreTheSameBytes() throws Exception {
        LocalConnector everyCard = serve(() -> PROGRAM, 0);
        LocalConnector kept = serve(() -> PROGRAM, 256 * 1024);
        List<String> pages = pages(new Random(11), 60);
        List<String> expected = new ArrayList<>();
        for (String page : pages) {
            expected.add(body(everyCard, page, "widget.test"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int start = t * 15;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < pages.size(); i++) {
                        int at = (start + i) % pages.size();
                        assertThat(body(kept, pages.get(at), "widget.test")).as(pages.get(at))
                                .isEqualTo(expected.get(at));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aNewProgramVersionShowsItsOwnCards() throws Exception {
        // The same activity ids ("activite-7"), other titles, dates and places.
        Program next = Program.of(GeneratedProgram.of(1_000, 2022));
        assertThat(next.version()).isNotEqualTo(PROGRAM.version());
        AtomicReference<Program> current = new AtomicReference<>(PROGRAM);
        LocalConnector kept = serve(current::get, WidgetSettings.DEFAULT_CARD_BYTES);
        LocalConnector before = serve(() -> PROGRAM, 0);
        LocalConnector after = serve(() -> next, 0);
        List<String> pages = pages(new Random(5), 40);
        for (String page : pages) {
            assertThat(body(kept, page, "widget.test")).as(page).isEqualTo(body(before, page, "widget.test"));
        }
        current.set(next);
        for (String page : pages) {
            assertThat(body(kept, page, "widget.test")).as(page).isEqualTo(body(after, page, "widget.test"));
        }
        // And back (a reload to the previous file): its cards were dropped, and are rendered again from it.
        current.set(PROGRAM);
        for (String page : pages) {
            assertThat(body(kept, page, "widget.test")).as(page).isEqualTo(body(before, page, "widget.test"));
        }
    }

    /** List pages of distinct filters, in both languages, some paged, some fragments, some compact. */
    private static List<String> pages(Random random, int count) {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String edition = EDITIONS.get(random.nextInt(EDITIONS.size()));
            StringBuilder page = new StringBuilder("/widget/?edition=").append(edition);
            page.append("&lang=").append(random.nextBoolean() ? "fr" : "en");
            if (random.nextInt(3) == 0) {
                page.append("&region=").append(String.format("%02d", 1 + random.nextInt(17)));
            }
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            if (!kind.isEmpty()) {
                page.append("&kind=").append(kind);
            }
            String word = WORDS.get(random.nextInt(WORDS.size()));
            if (!word.isEmpty() && random.nextInt(3) == 0) {
                page.append("&q=").append(word);
            }
            if (random.nextInt(4) == 0) {
                String year = edition.equals("all") ? "2021" : edition.substring(5);
                int day = 1 + random.nextInt(10);
                page.append(String.format("&from=%s-11-%02d&to=%s-11-%02d", year, day, year, day + 7));
            }
            if (random.nextInt(8) == 0) {
                page.append("&free=true");
            }
            if (random.nextInt(6) == 0) {
                page.append("&fragment=1");
            }
            if (random.nextInt(8) == 0) {
                page.append("&layout=compact");
            }
            if (random.nextInt(5) == 0 && kind.isEmpty()) {
                page.append("&page=2");
            }
            pages.add(page.toString());
        }
        // The same filters spelt otherwise, and a page with a character to escape in its links.
        pages.add("/widget/?edition=jqsi-2021&q=%C3%A9galit%C3%A9%20%22femmes%22%20%26%20%3Cpaix%3E");
        pages.add("/widget/?edition=jqsi-2021&region=Mauricie&lang=en");
        pages.add("/widget/?edition=jqsi-2021");
        return pages;
    }

    private LocalConnector serve(Supplier<Program> program, long cardBytes) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        WidgetSettings settings = WidgetSettings.builder().pageSize(30).cacheBytes(0).cardBytes(cardBytes).build();
        context.addServlet(new ServletHolder(new JqsiWidgetServlet(program, settings, CLOCK)), "/widget/*");
        server.setHandler(context);
        server.start();
        servers.add(server);
        return connector;
    }

    /**
     * The status, the program version it was rendered from, and the body, one char per byte (ISO 8859-1): what is
     * compared is every byte.
     */
    private static String body(LocalConnector connector, String page, String host) throws Exception {
        HttpTester.Response response = HttpTester.parseResponse(connector.getResponse(ByteBuffer.wrap(
                ("GET " + page + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8)), 60, TimeUnit.SECONDS));
        return response.getStatus() + " " + response.get("X-Jqsi-Program-Version") + "\n"
                + new String(response.getContentBytes(), StandardCharsets.ISO_8859_1);
    }
}
