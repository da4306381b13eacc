package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.CommandLineTest.Run;
import org.jqsi.server.internal.WatchedFile;
import org.jqsi.server.internal.submissions.SubmittedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server serving what approvals publish: approved from the command line, in another connection, it is served within
 * seconds, through the same reload as a file's change; one that the program file later refuses is left out and said
 * in {@code /healthz}.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class SubmissionsServeTest {

    /** Only against a hang: how soon a change is served is measured, printed, and bounded by the PostgreSQL test. */
    private static final Duration HANG = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HANG).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final ProgramReader READER = new ProgramReader(VALIDATOR);

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path dir;

    private TestDatabase fresh;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void program() throws Exception {
        fresh = TestDatabases.create(kind, dir.resolve("data"));
        ProgramWriter.forFiles().write(SampleProgram.data(), dir.resolve("program.json"));
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        // Null when the kind is skipped (no PostgreSQL here): @AfterEach runs after a skipped @BeforeEach.
        if (fresh != null) {
            fresh.close();
        }
    }

    /** A server on the program file and the database, as {@code serve} makes it. */
    private JqsiServer serve() throws Exception {
        Database database = fresh.open();
        open.add(database);
        SubmittedSource source = new SubmittedSource(new WatchedFile(dir.resolve("program.json"), READER),
                database.submissions(), database::watchPublication, database.describe(), VALIDATOR,
                Clock.systemUTC(), org.jqsi.core.model.Language.EN);
        JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withReloadInterval(Duration.ofMillis(200)), CurrentProgram.load(source, VALIDATOR,
                Clock.systemUTC()), Clock.systemUTC());
        open.add(server);
        return server;
    }

    private static int status(JqsiServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.localUri().resolve(path)).timeout(HANG).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode health(JqsiServer server) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(server.localUri().resolve("healthz")).timeout(HANG)
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    /** Polls until {@code condition} holds and returns how long that took; fails only after {@link #HANG}. */
    static Duration await(String what, Callable<Boolean> condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.call()) {
            if (System.nanoTime() - start > HANG.toNanos()) {
                throw new AssertionError("still waiting for " + what);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Run jqsi(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(Proposed.options(fresh));
        return CommandLineTest.jqsiWith(Proposed.environment(fresh), line.toArray(String[]::new));
    }

    @Test
    void anApprovalFromTheCommandLineIsServedWithinSecondsAndAPendingOneNever() throws Exception {
        JqsiServer server = serve();
        Database other = fresh.open();
        open.add(other);
        Submission approved = Proposed.submit(other.submissions(),
                Proposed.workshop("atelier-approuve", Region.MAURICIE, "cs3r"));
        Submission pending = Proposed.submit(other.submissions(),
                Proposed.workshop("atelier-en-attente", Region.MAURICIE, "cs3r"));
        String version = server.program().get().version();

        Run run = jqsi("submissions", "approve", approved.id(), "--program", dir.resolve("program.json").toString());
        assertThat(run.status()).as(run.err()).isZero();
        Duration served = await("the approved activity served",
                () -> status(server, "widget/activities/atelier-approuve") == 200);
        System.out.println(kind + ": approval served after " + served.toMillis() + " ms");

        assertThat(server.program().get().version()).isNotEqualTo(version);
        assertThat(status(server, "widget/activities/atelier-en-attente")).isEqualTo(404);
        Activity published = server.program().get().activity("atelier-approuve").orElseThrow();
        assertThat(published.origin().isSubmission()).isTrue();
        JsonNode submissions = health(server).get("submissions");
        assertThat(submissions.get("published").asInt()).isEqualTo(1);
        assertThat(submissions.get("revision").asLong()).isEqualTo(1);
        assertThat(submissions.get("leftOut")).isEmpty();
        assertThat(pending.state().code()).isEqualTo("pending");
    }

    @Test
    void anActivityTheFileLaterTakesTheIdOfIsLeftOutAndSaid() throws Exception {
        JqsiServer server = serve();
        Database other = fresh.open();
        open.add(other);
        Submission s = Proposed.submit(other.submissions(), Proposed.workshop("atelier-04", Region.MAURICIE, "cs3r"));
        other.submissions().approve(s.id(), s.version(), "coord@cs3r.org", null, Proposed.AT,
                Publishing.checkAgainst(SampleProgram.data(), VALIDATOR));
        await("the approved activity served", () -> status(server, "widget/activities/atelier-04") == 200);

        // The coalition writes an activity of that id into the file: the file's wins, the submission's is left out.
        List<Activity> activities = new ArrayList<>(SampleProgram.data().activities());
        activities.add(Proposed.workshop("atelier-04", Region.MAURICIE, "aqoci"));
        ProgramData taken = new ProgramData(SampleProgram.data().editions(), SampleProgram.data().partners(),
                activities);
        ProgramWriter.forFiles().write(taken, dir.resolve("program.json"));
        await("the submission's activity left out", () -> health(server).get("submissions").get("leftOut").size() == 1);

        JsonNode leftOut = health(server).get("submissions").get("leftOut").get(0);
        assertThat(leftOut.get("id").asText()).isEqualTo("atelier-04");
        assertThat(leftOut.get("problems").get(0).get("fr").asText()).contains("le fichier du programme");
        assertThat(server.program().get().activity("atelier-04").orElseThrow().origin().isProgramFile()).isTrue();
        assertThat(health(server).get("lastReload").get("applied").asBoolean()).isTrue();
    }
}
