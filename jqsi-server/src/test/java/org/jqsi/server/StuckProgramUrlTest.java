package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.MisbehavingServer.Mode;
import org.jqsi.server.internal.ProgramUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real server on a program published at a URL whose server goes wrong: it stops answering, trickles, never
 * ends its body or talks nonsense. Meanwhile the watcher's checks hang up to their timeout, one after another; the
 * widget and the health check keep answering from the program already loaded, and once the URL serves a new
 * version again, the server reloads it. ({@code ProgramUrlTest} checks the timeouts of one download on its own.)
 */
class StuckProgramUrlTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("America/Toronto"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Waits here only catch a hang: nothing asserted depends on how fast the machine is. */
    private static final Duration HANG = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HANG).build();

    private MisbehavingServer partner;
    private JqsiServer server;

    @BeforeEach
    void start() throws Exception {
        partner = new MisbehavingServer();
        partner.body(program("Loin de Bachar"), "application/json");
        ProgramUrl url = new ProgramUrl(partner.uri("/program.json"), new ProgramReader(), Duration.ofSeconds(2),
                AddressPolicy.ANY_ADDRESS);
        server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                        .withReloadInterval(Duration.ofMillis(100)),
                CurrentProgram.load(url, new ProgramValidator(), CLOCK), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        partner.close();
    }

    private static String program(String title) throws Exception {
        List<Activity> activities = new ArrayList<>();
        for (Activity a : SampleProgram.activities()) {
            activities.add(a.id().equals(SampleProgram.LOIN_DE_BACHAR)
                    ? a.toBuilder().title(LocalizedText.fr(title)).build() : a);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgramWriter.forFiles().write(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                activities), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.localUri().resolve(path)).timeout(HANG)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SILENT", "TRICKLE", "ENDLESS", "GARBAGE_PROTOCOL"})
    void requestsAreServedWhileTheWatcherIsStuckAndReloadsResumeAfter(Mode mode) throws Exception {
        assertThat(get("widget/").body()).contains("Loin de Bachar");
        int before = partner.requests();
        partner.mode(mode);

        // Requests all along, until the watcher has been stuck in two checks (the second one proves the first was
        // given up) and at least ten were answered: counted by what happened, not by the clock.
        long hang = System.nanoTime() + HANG.toNanos();
        int served = 0;
        while (partner.requests() - before < 2 || served < 10) {
            if (System.nanoTime() - hang > 0) {
                throw new AssertionError("still waiting for the watcher's checks after " + HANG + " ("
                        + (partner.requests() - before) + " made, " + served + " requests served)");
            }
            HttpResponse<String> page = get(served % 2 == 0 ? "widget/" : "healthz");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsAnyOf("Loin de Bachar", "\"serving\"");
            served++;
        }

        partner.body(program("Loin de Bachar — après la panne"), "application/json").mode(Mode.NORMAL);
        long deadline = System.nanoTime() + HANG.toNanos();
        String page = get("widget/").body();
        while (!page.contains("après la panne") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            page = get("widget/").body();
        }
        assertThat(page).as("the version published after the fault").contains("après la panne");
        JsonNode health = JSON.readTree(get("healthz").body());
        assertThat(health.get("lastReload").get("applied").asBoolean()).isTrue();
    }
}
