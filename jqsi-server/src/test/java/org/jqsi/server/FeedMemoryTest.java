package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.HeapRule;
import org.jqsi.web.WidgetSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 item 3: a program the server accepted made it run out of memory when a dozen feeds were asked for at once
 * (each was built whole in memory), and the feeds failed with 500. The real server, in a JVM of its own with the heap
 * that {@link HeapRule} says the program needs ({@code -Xmx}, serial collector), on a generated program, gets the 12
 * feeds (each file, language, and the current edition or all) asked for at once, twice: every answer is a whole, valid
 * feed (200) or "busy, retry" (503 with {@code Retry-After}), never a 500, and the server still answers afterwards. No
 * bound here depends on the machine's speed: on a slow machine more answers are 503, never 500.
 *
 * <p>{@code -Djqsi.feedmemory.activities=…} and {@code -Djqsi.feedmemory.heap=…} change the program's size and the
 * heap ({@value #ACTIVITIES} activities, and the rule's heap for them, by default).
 */
class FeedMemoryTest {

    static final int ACTIVITIES = 20_000;
    private static final Duration HANG = Duration.ofMinutes(5);
    /** An event's first and last lines (a line of text folded or not never starts with either). */
    private static final Pattern BEGIN = Pattern.compile("\r\nBEGIN:VEVENT\r\n");
    private static final Pattern END = Pattern.compile("\r\nEND:VEVENT\r\n");

    @TempDir
    Path dir;

    @Test
    void twelveFeedsAtOnceNeverRunTheServerOutOfMemory() throws Exception {
        int activities = Integer.getInteger("jqsi.feedmemory.activities", ACTIVITIES);
        String heap = System.getProperty("jqsi.feedmemory.heap",
                new HeapRule(0, WidgetSettings.defaults().keptBytes()).xmxMiB(activities) + "m");
        ProgramData generated = GeneratedProgram.of(activities, 2021);
        long dated = generated.activities().stream().filter(a -> a.schedule().isDated()).count();
        Path program = dir.resolve("program.json");
        ProgramWriter.forFiles().write(generated, program);
        generated = null;

        try (ChildServer server = ChildServer.start(heap, program, dir.resolve("server.log"))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(HANG).build();
            List<String> feeds = new ArrayList<>();
            for (String file : List.of("feed.ics", "feed.json", "feed.jsonld")) {
                for (String query : List.of("?lang=fr", "?lang=en", "?lang=fr&edition=all", "?lang=en&edition=all")) {
                    feeds.add("widget/" + file + query);
                }
            }
            List<String> seen = new ArrayList<>();
            int whole = 0;
            for (int round = 1; round <= 2; round++) {
                List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
                for (String feed : feeds) {
                    answers.add(client.sendAsync(HttpRequest.newBuilder(server.base().resolve(feed)).timeout(HANG)
                            .build(), HttpResponse.BodyHandlers.ofByteArray()));
                }
                for (int i = 0; i < feeds.size(); i++) {
                    HttpResponse<byte[]> answer = answers.get(i).get(HANG.toSeconds(), TimeUnit.SECONDS);
                    String feed = feeds.get(i);
                    seen.add(feed + " " + answer.statusCode() + " " + answer.body().length);
                    if (answer.statusCode() == 200) {
                        whole++;
                        assertWhole(feed, new String(answer.body(), StandardCharsets.UTF_8), activities, dated);
                    } else {
                        assertThat(answer.statusCode()).as(seen.toString()).isEqualTo(503);
                        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
                    }
                }
            }
            assertThat(whole).as(seen.toString()).isPositive();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.base().resolve("healthz"))
                    .timeout(HANG).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(server.log()).doesNotContain("OutOfMemoryError");
            System.out.println("FeedMemoryTest " + activities + " activities, -Xmx" + heap + ": " + seen);
        }
    }

    /** A feed answered 200 is whole: it parses, and has every activity it should. */
    private static void assertWhole(String feed, String body, int activities, long dated) throws Exception {
        boolean all = feed.contains("edition=all");
        if (feed.contains("feed.ics")) {
            assertThat(body).as(feed).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
            long begun = BEGIN.matcher(body).results().count();
            assertThat(END.matcher(body).results().count()).as(feed).isEqualTo(begun);
            if (all) {
                assertThat(begun).as(feed).isEqualTo(dated);
            }
        } else if (feed.contains("feed.jsonld")) {
            JsonNode list = new ObjectMapper().readTree(body);
            assertThat(list.get("itemListElement").size()).as(feed).isEqualTo(list.get("numberOfItems").asInt());
            if (all) {
                assertThat(list.get("numberOfItems").asLong()).as(feed).isEqualTo(dated);
            }
        } else {
            ProgramData read = new ProgramReader().read(body, feed);
            if (all) {
                assertThat(read.activities()).as(feed).hasSize(activities);
            }
        }
    }
}
