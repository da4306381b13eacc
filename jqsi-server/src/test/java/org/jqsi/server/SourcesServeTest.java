package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.json.SourcesReader;
import org.jqsi.server.internal.WatchedFile;
import org.jqsi.server.internal.sources.ComposedSource;
import org.jqsi.server.internal.sources.FollowedSources;
import org.jqsi.server.internal.sources.HttpSourceFetch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with a program file and sources fetched from a local HTTP server (iCalendar feeds, a CSV sheet, an XLSX
 * workbook): a change in a feed or a sheet appears after its refresh, a broken feed keeps its last good copy and says
 * so in {@code /healthz}, a feed's UID or a sheet's id that names the program file's activity leaves that activity
 * byte-identical, a sheet with a refused row keeps its last good copy and says the row and column, and a restart
 * without network serves the same program.
 */
class SourcesServeTest {

    /** Waits here only catch a hang: nothing asserted depends on how fast the machine is. */
    private static final Duration HANG = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HANG).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final ProgramReader READER = new ProgramReader(VALIDATOR);

    @TempDir
    Path dir;

    private FeedServer feeds;
    private JqsiServer server;

    static String calendar(String... events) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//FR\r\n");
        for (String event : events) {
            text.append("BEGIN:VEVENT\r\nDTSTAMP:20211001T120000Z\r\n").append(event).append("\r\nEND:VEVENT\r\n");
        }
        return text.append("END:VCALENDAR\r\n").toString();
    }

    static String event(String uid, String title, String start) {
        return "UID:" + uid + "\r\nSUMMARY:" + title + "\r\nDTSTART;TZID=America/Toronto:" + start;
    }

    @BeforeEach
    void files() throws IOException {
        feeds = new FeedServer();
        ProgramWriter.forFiles().write(SampleProgram.data(), dir.resolve("program.json"));
        Files.writeString(dir.resolve("sources.json"), """
                {"formatVersion": 1,
                 "sources": [
                   {"id": "cs3r-agenda", "kind": "ical", "url": "%s", "partnerId": "cs3r", "editionId": "jqsi-2021",
                    "region": "04", "refresh": "PT1S", "allowPrivateAddress": true},
                   {"id": "ceci-en", "kind": "ical", "url": "%s", "partnerId": "ceci", "editionId": "jqsi-2021",
                    "region": "06", "language": "en", "refresh": "PT1S", "allowPrivateAddress": true},
                   {"id": "ceci-tableur", "kind": "sheet", "url": "%s", "partnerId": "ceci",
                    "editionId": "jqsi-2021", "region": "06", "refresh": "PT1S", "allowPrivateAddress": true},
                   {"id": "sans-permission", "kind": "ical", "url": "%s", "partnerId": "cs3r",
                    "editionId": "jqsi-2021", "refresh": "PT1S"},
                   {"id": "cs3r-classeur", "kind": "sheet", "url": "%s", "partnerId": "cs3r",
                    "editionId": "jqsi-2021", "region": "04", "language": "en", "activityKind": "workshop",
                    "refresh": "PT1S", "allowPrivateAddress": true}]}
                """.formatted(feeds.uri("cs3r.ics"), feeds.uri("ceci.ics"), feeds.uri("ceci.csv"),
                feeds.uri("cs3r.ics"), feeds.uri("cs3r.xlsx")));
        feeds.put("cs3r.ics", calendar(event("quiz@cs3r.example", "Quiz", "20211105T190000"),
                event("ceci-discussion-agir-pour-egalite-1-2021@jqsi", "Autre chose", "20211110T190000")));
        feeds.put("ceci.ics", calendar(event("night@ceci.example", "Film night", "20211112T190000")));
        feeds.put("ceci.csv", sheet("Atelier"));
        feeds.put("cs3r.xlsx", workbook());
    }

    /** CECI's sheet: a row of its own, and one whose id is the program file's activity. */
    static String sheet(String workshop) {
        return "Identifiant,Titre (français),Début\n,%s,2021-11-20 10:00\n%s,Discussion du tableur,2021-11-10 19:00\n"
                .formatted(workshop, SampleProgram.CECI_DISCUSSION_1);
    }

    /** CS3R's English workbook, as a spreadsheet program saves it: a date cell, "Title" for the English title. */
    static byte[] workbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(bytes, "LibreOffice", "7.4");
        Worksheet sheet = workbook.newWorksheet("Activities");
        sheet.value(0, 0, "Title");
        sheet.value(0, 1, "Start");
        sheet.value(1, 0, "Repair café");
        sheet.value(1, 1, LocalDateTime.of(2021, 11, 13, 13, 0));
        sheet.style(1, 1).format("yyyy-mm-dd hh:mm").set();
        workbook.finish();
        return bytes.toByteArray();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        feeds.close();
    }

    private JqsiServer start() throws Exception {
        List<FollowedSource> sources = new SourcesReader().read(dir.resolve("sources.json"));
        FollowedSources followed = new FollowedSources(sources, dir.resolve("sources.json.d"),
                new HttpSourceFetch(Duration.ofSeconds(20), HttpSourceFetch.MAX_BYTES), READER, VALIDATOR,
                Clock.systemUTC(), Language.EN);
        CurrentProgram program = CurrentProgram.load(new ComposedSource(new WatchedFile(dir.resolve("program.json"),
                READER), followed), VALIDATOR, Clock.systemUTC());
        return JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withReloadInterval(Duration.ofMillis(200)).withLanguage(Language.EN), program, Clock.systemUTC());
    }

    private Optional<Activity> titled(String title) {
        return server.program().get().activities().stream().filter(a -> a.title().fr().equals(title)
                || title.equals(a.title().en())).findFirst();
    }

    private JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.localUri().resolve("healthz"))
                .timeout(HANG).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    private static JsonNode source(JsonNode health, String id) {
        for (JsonNode source : health.get("sources")) {
            if (source.get("id").asText().equals(id)) {
                return source;
            }
        }
        throw new AssertionError("no source " + id + " in " + health);
    }

    /** Polls until {@code condition} holds; fails only after {@link #HANG}, which catches a hang, not slowness. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + HANG.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String json(Activity activity) {
        return ProgramWriter.forWeb().toJson(new ProgramData(List.of(), List.of(), List.of(activity)));
    }

    @Test
    void feedsJoinTheProgramFollowTheirChangesAndNeverRewriteAnotherOwnersActivity() throws Exception {
        Activity ceciInFile = SampleProgram.data().activities().stream()
                .filter(a -> a.id().equals(SampleProgram.CECI_DISCUSSION_1)).findFirst().orElseThrow();
        server = start();

        await("the feeds' activities", () -> titled("Quiz").isPresent() && titled("Film night").isPresent()
                && titled("Autre chose").isPresent());
        Activity english = titled("Film night").orElseThrow();
        assertThat(english.title().en()).isEqualTo("Film night");
        assertThat(english.title().fr()).isEqualTo("Film night (en anglais)");
        // The colliding UID: CECI's activity as the file has it, byte for byte; the feed's event under cs3r's name.
        assertThat(json(server.program().get().activity(SampleProgram.CECI_DISCUSSION_1).orElseThrow()))
                .isEqualTo(json(ceciInFile));
        assertThat(titled("Autre chose").orElseThrow().id())
                .isEqualTo("cs3r-agenda-ceci-discussion-agir-pour-egalite-1-2021");

        // The sheets: CECI's CSV (its colliding row under the sheet's name), CS3R's English XLSX.
        await("the sheets' activities", () -> titled("Atelier").isPresent() && titled("Repair café").isPresent());
        assertThat(titled("Discussion du tableur").orElseThrow().id())
                .isEqualTo("ceci-tableur-ceci-discussion-agir-pour-egalite-1-2021");
        Activity repair = titled("Repair café").orElseThrow();
        assertThat(repair.title().fr()).isEqualTo("Repair café (en anglais)");
        assertThat(repair.kind()).isEqualTo(ActivityKind.WORKSHOP);
        assertThat(repair.origin().source()).isEqualTo("cs3r-classeur");
        assertThat(repair.schedule().startsAt().orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2021, 11, 13, 13, 0));
        assertThat(source(health(), "ceci-tableur").get("activities").asInt()).isEqualTo(2);
        assertThat(source(health(), "cs3r-classeur").get("state").asText()).isEqualTo("ok");
        assertThat(json(server.program().get().activity(SampleProgram.CECI_DISCUSSION_1).orElseThrow()))
                .isEqualTo(json(ceciInFile));

        // A change in the CSV appears after its refresh: the renamed row is another activity, the old one cancelled.
        feeds.put("ceci.csv", sheet("Grand atelier"));
        await("the sheet's change", () -> titled("Grand atelier").isPresent()
                && titled("Atelier").map(a -> a.status() == Status.CANCELLED).orElse(false));
        // A sheet with a refused row: its last good copy serves, /healthz says the row and the column.
        feeds.put("ceci.csv", sheet("Atelier impossible").replace("2021-11-20 10:00", "31/11/2021 10 h"));
        await("ceci-tableur refused", () -> source(health(), "ceci-tableur").get("state").asText()
                .equals("broken"));
        assertThat(source(health(), "ceci-tableur").get("lastError").get("message").get("fr").asText())
                .startsWith("ligne 2, colonne Début (C) : « 31/11/2021 10 h »");
        assertThat(source(health(), "ceci-tableur").get("lastError").get("message").get("en").asText())
                .startsWith("row 2, column Début (C): ");
        assertThat(titled("Grand atelier")).isPresent();
        assertThat(titled("Atelier impossible")).isEmpty();
        feeds.put("ceci.csv", sheet("Grand atelier"));
        await("ceci-tableur ok again", () -> source(health(), "ceci-tableur").get("state").asText().equals("ok"));

        // A change in a feed appears after its refresh.
        feeds.put("cs3r.ics", calendar(event("quiz@cs3r.example", "Grand quiz", "20211105T190000"),
                event("ceci-discussion-agir-pour-egalite-1-2021@jqsi", "Autre chose", "20211110T190000")));
        await("the changed title", () -> titled("Grand quiz").isPresent());
        assertThat(json(server.program().get().activity(SampleProgram.CECI_DISCUSSION_1).orElseThrow()))
                .isEqualTo(json(ceciInFile));

        // A broken feed keeps its last good copy and says why in /healthz.
        feeds.fail("ceci.ics");
        await("ceci-en broken", () -> source(health(), "ceci-en").get("state").asText().equals("broken"));
        JsonNode ceci = source(health(), "ceci-en");
        assertThat(ceci.get("lastError").get("message").get("en").asText()).contains("HTTP 500")
                .contains(feeds.uri("ceci.ics").toString());
        assertThat(ceci.get("lastError").get("message").get("fr").asText()).contains("HTTP 500");
        assertThat(ceci.get("lastSuccess").isNull()).isFalse();
        assertThat(ceci.get("activities").asInt()).isEqualTo(1);
        assertThat(titled("Film night")).isPresent();
        assertThat(source(health(), "ceci-tableur").get("state").asText()).isEqualTo("ok");
        assertThat(source(health(), "cs3r-agenda").get("state").asText()).isEqualTo("ok");
        assertThat(health().get("status").asText()).isEqualTo("serving");
        // The same feed, from a source not allowed a private address: refused, said why, and nothing of it served.
        JsonNode refused = source(health(), "sans-permission");
        assertThat(refused.get("state").asText()).isEqualTo("broken");
        assertThat(refused.get("activities").asInt()).isZero();
        assertThat(refused.get("lastError").get("message").get("en").asText()).contains("127.0.0.1",
                "\"allowPrivateAddress\": true");

        // A restart with the network gone serves the same composed program.
        ProgramData before = server.program().get().data();
        String version = server.program().get().version();
        server.stop();
        URI gone = feeds.uri("cs3r.ics");
        feeds.close();
        server = start();
        assertThat(server.program().get().data()).isEqualTo(before);
        assertThat(server.program().get().version()).isEqualTo(version);
        await("cs3r-agenda broken without network", () -> source(health(), "cs3r-agenda").get("state").asText()
                .equals("broken"));
        assertThat(source(health(), "cs3r-agenda").get("lastError").get("message").get("en").asText())
                .contains(gone.toString());
        assertThat(server.program().get().data()).isEqualTo(before);
        // What is kept on disk is a program file jqsi validate reads.
        assertThat(READER.read(dir.resolve("sources.json.d/cs3r-agenda.activities.json")).activities())
                .extracting(Activity::id).contains("cs3r-agenda-ceci-discussion-agir-pour-egalite-1-2021");
        assertThat(titled("Grand atelier")).isPresent();
        assertThat(titled("Repair café")).isPresent();
    }

    @Test
    void aCopyThatWouldMakeTheProgramInvalidIsRefusedAndTheLastGoodOneServes() throws Exception {
        server = start();
        await("the feed's quiz", () -> titled("Quiz").isPresent());

        // An online event hosted by a partner that the program does not have: the whole would be invalid because of
        // this copy alone. The copy is refused, the last good one serves, and the other feed's change goes through.
        feeds.put("cs3r.ics", calendar(event("quiz@cs3r.example", "Quiz modifié", "20211105T190000"),
                event("live@cs3r.example", "En direct", "20211106T190000")
                        + "\r\nLOCATION:https://live.example.org/\r\nX-JQSI-HOST:inconnu"));
        await("cs3r-agenda refused", () -> source(health(), "cs3r-agenda").get("state").asText().equals("broken"));
        assertThat(source(health(), "cs3r-agenda").get("lastError").get("message").get("en").asText())
                .contains("it would make the program invalid", "(live@cs3r.example)", "inconnu");
        assertThat(titled("Quiz")).isPresent();
        assertThat(titled("Quiz modifié")).isEmpty();
        assertThat(titled("En direct")).isEmpty();

        feeds.put("ceci.ics", calendar(event("night@ceci.example", "Second film night", "20211112T190000")));
        await("the other feed's change", () -> titled("Second film night").isPresent());
        assertThat(titled("Quiz")).isPresent();
        assertThat(source(health(), "ceci-en").get("state").asText()).isEqualTo("ok");
        // A 304 to the refused copy keeps the source broken: its copy is still the refused one.
        int before = feeds.notModified.get();
        await("a conditional GET answered 304", () -> feeds.notModified.get() > before + 2);
        assertThat(source(health(), "cs3r-agenda").get("state").asText()).isEqualTo("broken");

        // Fixed: the next copy serves.
        feeds.put("cs3r.ics", calendar(event("quiz@cs3r.example", "Quiz modifié", "20211105T190000")));
        await("the fixed copy", () -> titled("Quiz modifié").isPresent());
        assertThat(source(health(), "cs3r-agenda").get("state").asText()).isEqualTo("ok");
    }
}
