package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.ProgramWatcher;
import org.jqsi.server.internal.WatchedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a free port of this machine. */
class JqsiServerTest {

    /** Waits here only catch a hang: nothing asserted depends on how fast the machine is. */
    private static final Duration HANG = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HANG).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"),
            java.time.ZoneId.of("America/Toronto"));
    private static final ProgramValidator VALIDATOR = new ProgramValidator();

    @TempDir
    Path dir;

    private JqsiServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static ServerSettings local() {
        return ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withReloadInterval(Duration.ofMillis(100));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.localUri().resolve(path)).timeout(HANG)
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(get("healthz").body());
    }

    private JsonNode awaitHealth(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + HANG.toNanos();
        JsonNode health = health();
        while (!condition.test(health) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            health = health();
        }
        assertThat(condition).as("health %s", health).accepts(health);
        return health;
    }

    @Test
    void theWidgetLoadsPicturesOnlyFromTheOriginsTheOperatorLists() throws Exception {
        server = JqsiServer.start(local().withImageOrigins(List.of("https://images.example.org")),
                CurrentProgram.load(ProgramFileSource.sample(), VALIDATOR, CLOCK), CLOCK);

        assertThat(get("widget/").headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("img-src 'self' data: https://images.example.org;");
        assertThatThrownBy(() -> local().withImageOrigins(List.of("https://images.example.org/photos")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servesTheSampleProgramWithItsDemoPageWidgetAndHealth() throws Exception {
        server = JqsiServer.start(local(), CurrentProgram.load(ProgramFileSource.sample(), VALIDATOR, CLOCK), CLOCK);

        HttpResponse<String> demo = get("");
        HttpResponse<String> widget = get("widget/");
        JsonNode health = health();

        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.body()).contains("embed.js").contains("&lt;script src=\"http://localhost:" + server.port()
                + "/widget/embed.js\"");
        assertThat(demo.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'self'");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.body()).contains("Loin de Bachar", "Dheepan");
        assertThat(widget.headers().firstValue("Server")).isEmpty();
        assertThat(health.get("status").asText()).isEqualTo("serving");
        assertThat(health.get("activities").asInt()).isEqualTo(7);
        assertThat(health.get("programVersion").asText()).hasSize(20);
    }

    @Test
    void startsWhileItsProgramLoadsOnAnotherThread() throws Exception {
        List<String> loadedOn = new ArrayList<>();
        server = JqsiServer.start(local(), () -> {
            loadedOn.add(Thread.currentThread().getName());
            return CurrentProgram.load(ProgramFileSource.sample(), VALIDATOR, CLOCK);
        }, CLOCK);

        assertThat(loadedOn).containsExactly("jqsi-program-loader");
        assertThat(server.program().get().activities()).hasSize(SampleProgram.activities().size());
        assertThat(get("widget/?edition=jqsi-2020").body()).contains("Loin de Bachar");
        assertThat(health().path("programVersion").asText()).isEqualTo(server.program().get().version());
    }

    @Test
    void aProgramThatFailsToLoadLeavesNothingListening() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path broken = Files.writeString(dir.resolve("program.json"), "{\"formatVersion\": 1, \"activities\": [");
        ServerSettings settings = local().withPort(port);

        assertThatThrownBy(() -> JqsiServer.start(settings,
                () -> CurrentProgram.load(new WatchedFile(broken, new ProgramReader(VALIDATOR)), VALIDATOR, CLOCK),
                CLOCK))
                .isInstanceOf(org.jqsi.core.program.ProgramLoadException.class)
                .hasMessageContaining("program.json");
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aDemoPageNeverShowsAHostileHostHeader() throws Exception {
        server = JqsiServer.start(local(), CurrentProgram.load(ProgramFileSource.sample(), VALIDATOR, CLOCK), CLOCK);
        // The HTTP client will not send a forged Host header; a raw socket does. Jetty warns of it, as asked.
        CapturedLog jetty = CapturedLog.of("org.eclipse.jetty");
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example\"><script>alert(1)</script>\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).doesNotContain("<script>alert(1)").doesNotContain("evil.example");
        } finally {
            jetty.close();
        }
    }

    @Test
    void servesAGivenFileAndReloadsItWhenItChangesButNotWhenItBreaks() throws Exception {
        Path file = dir.resolve("program.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), file);
        ProgramReader reader = new ProgramReader(VALIDATOR);
        server = JqsiServer.start(local(), CurrentProgram.load(new WatchedFile(file, reader), VALIDATOR, CLOCK), CLOCK);
        String first = health().get("programVersion").asText();
        assertThat(get("widget/").body()).contains("Loin de Bachar");

        ProgramWriter.forFiles().write(renamed(SampleProgram.LOIN_DE_BACHAR, "Loin de Bachar — version corrigée"),
                file);
        JsonNode reloaded = awaitHealth(h -> !h.get("programVersion").asText().equals(first));
        assertThat(reloaded.get("lastReload").get("applied").asBoolean()).isTrue();
        assertThat(get("widget/").body()).contains("version corrigée");

        try (CapturedLog watcher = CapturedLog.of(ProgramWatcher.class)) {
            Files.writeString(file, "{ \"formatVersion\": 1, \"activities\": [ { \"id\": ");
            JsonNode refused = awaitHealth(h -> !h.get("lastReload").get("applied").asBoolean());
            assertThat(refused.get("programVersion").asText()).isEqualTo(reloaded.get("programVersion").asText());
            assertThat(refused.get("lastReload").get("errors").get(0).asText()).contains("program.json");
            // The operator is told too, with the file.
            watcher.await(event -> event.getFormattedMessage().contains("refus")
                    && event.getFormattedMessage().contains("program.json"), Duration.ofMinutes(2));
        }
        HttpResponse<String> stillServing = get("widget/");
        assertThat(stillServing.statusCode()).isEqualTo(200);
        assertThat(stillServing.body()).contains("version corrigée");
    }

    @Test
    void stopsGracefullyLettingRequestsInFlightFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpServlet slow = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                entered.countDown();
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().write("done");
            }
        };
        // A stop timeout no slow machine reaches: the graceful stop, not a race with its timeout, is under test.
        server = JqsiServer.start(local().withStopTimeout(HANG),
                CurrentProgram.load(ProgramFileSource.sample(), VALIDATOR, CLOCK), CLOCK, Map.of("/slow", slow));
        URI root = server.localUri();
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(
                HttpRequest.newBuilder(root.resolve("slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(HANG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        server.stop();
        server = null;

        HttpResponse<String> finished = inFlight.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("done");
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(root.resolve("healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void mountsEverythingUnderAContextPath() throws Exception {
        server = JqsiServer.start(local().withContextPath("/jqsi"),
                CurrentProgram.load(ProgramFileSource.sample(), VALIDATOR, CLOCK), CLOCK);

        assertThat(server.localUri().getPath()).isEqualTo("/jqsi/");
        assertThat(get("widget/").statusCode()).isEqualTo(200);
        assertThat(get("healthz").statusCode()).isEqualTo(200);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private static ProgramData renamed(String id, String title) {
        List<Activity> activities = new ArrayList<>();
        for (Activity a : SampleProgram.activities()) {
            activities.add(a.id().equals(id) ? a.toBuilder().title(LocalizedText.fr(title)).build() : a);
        }
        return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
    }
}
