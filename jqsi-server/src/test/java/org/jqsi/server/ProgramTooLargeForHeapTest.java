package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.HeapRule;
import org.jqsi.web.WidgetSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 item 3, the other half: a program too large for the server's heap ({@link HeapRule}) is refused when it is
 * loaded, with a message that says the heap it needs and the {@code -Xmx} to give: {@code jqsi serve} does not start
 * on it, and a reload to it leaves the previous program serving. Real processes with a set {@code -Xmx}.
 */
class ProgramTooLargeForHeapTest {

    private static final int SMALL = 1_000;
    private static final int LARGE = 20_000;
    private static final Duration HANG = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private static final HeapRule RULE = new HeapRule(0, WidgetSettings.defaults().keptBytes());

    /** The heap the rule gives the small program: too small for the large one. */
    private static String heap() {
        long mib = RULE.xmxMiB(SMALL);
        assertThat(RULE.needed(LARGE)).as("the large program needs more than the heap").isGreaterThan(mib << 20);
        return mib + "m";
    }

    private Path write(String name, int activities) throws Exception {
        Path file = dir.resolve(name);
        ProgramWriter.forFiles().write(GeneratedProgram.of(activities, 2021), file);
        return file;
    }

    @Test
    void serveDoesNotStartOnAProgramTooLargeForItsHeapAndSaysWhatHeapItNeeds() throws Exception {
        Path program = write("program.json", LARGE);
        Process process = ChildServer.command(heap(), program).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("cannot be served", "a program of " + LARGE + " activities needs a heap of",
                "start it with -Xmx" + RULE.xmxMiB(LARGE) + "m").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aReloadToAProgramTooLargeForTheHeapIsRefusedAndThePreviousOneKeepsServing() throws Exception {
        Path program = write("program.json", SMALL);
        try (ChildServer server = ChildServer.start(heap(), program, dir.resolve("server.log"),
                "--reload-interval", "0.2")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(HANG).build();
            JsonNode before = health(client, server);
            String version = before.get("programVersion").asText();
            assertThat(before.get("activities").asInt()).isEqualTo(SMALL);

            Path large = write("large.json.tmp", LARGE);
            Files.move(large, program, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            JsonNode after = health(client, server);
            long deadline = System.nanoTime() + HANG.toNanos();
            while (after.get("lastReload").get("errors").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                after = health(client, server);
            }
            assertThat(after.get("lastReload").get("applied").asBoolean()).as(after.toString()).isFalse();
            assertThat(after.get("lastReload").get("errors").toString()).contains(
                    "a program of " + LARGE + " activities needs a heap of",
                    "start it with -Xmx" + RULE.xmxMiB(LARGE) + "m");
            assertThat(after.get("programVersion").asText()).isEqualTo(version);
            assertThat(after.get("activities").asInt()).isEqualTo(SMALL);

            HttpResponse<String> feed = client.send(HttpRequest.newBuilder(server.base()
                    .resolve("widget/feed.json?edition=all")).timeout(HANG).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("X-Jqsi-Program-Version")).hasValue(version);
            assertThat(server.log()).contains("refused, still serving version " + version,
                    "needs a heap of").doesNotContain("OutOfMemoryError");
        }
    }

    private static JsonNode health(HttpClient client, ChildServer server) throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.base().resolve("healthz"))
                .timeout(HANG).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(health.body());
    }
}
