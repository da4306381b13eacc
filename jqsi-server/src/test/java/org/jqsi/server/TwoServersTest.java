package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.server.internal.submissions.SubmittedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database, as a coalition that outgrew one machine runs them: an approval made
 * elsewhere (a third connection: the command line, another server) is served by both within 2 seconds, told by
 * {@code NOTIFY}; they share no file. The 2 seconds are the design's (a signal, not a slow poll), which this checks.
 */
class TwoServersTest {

    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private JqsiServer serve(TestDatabase fresh) throws Exception {
        Database database = fresh.open();
        open.add(database);
        SubmittedSource source = new SubmittedSource(ProgramSource.of("sample", SampleProgram.data()),
                database.submissions(), database::watchPublication, database.describe(), VALIDATOR,
                Clock.systemUTC(), Language.EN);
        // A reload interval far above 2 s: only the database's signal can make the servers see the approval in time.
        JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withReloadInterval(Duration.ofSeconds(60)), CurrentProgram.load(source, VALIDATOR,
                Clock.systemUTC()), Clock.systemUTC());
        open.add(server);
        return server;
    }

    private static boolean serves(JqsiServer server, String id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.localUri().resolve("widget/activities/" + id)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    @Test
    void anApprovalIsServedByBothServersWithinTwoSeconds() throws Exception {
        TestDatabase fresh = TestDatabases.create(TestDatabases.Kind.POSTGRESQL, dir);
        open.add(fresh);
        JqsiServer first = serve(fresh);
        JqsiServer second = serve(fresh);
        Database reviewer = fresh.open();
        open.add(reviewer);

        for (int round = 1; round <= 3; round++) {
            String id = "atelier-" + round;
            Submission s = Proposed.submit(reviewer.submissions(), Proposed.workshop(id, Region.MAURICIE, "cs3r"));
            long approved = System.nanoTime();
            reviewer.submissions().approve(s.id(), s.version(), "coord@cs3r.org", null, Proposed.AT,
                    Publishing.checkAgainst(SampleProgram.data(), VALIDATOR));
            Duration firstServes = SubmissionsServeTest.await("the first server", () -> serves(first, id));
            Duration bothServe = firstServes.plus(SubmissionsServeTest.await("the second server",
                    () -> serves(second, id)));
            System.out.println("round " + round + ": served by both " + (System.nanoTime() - approved) / 1_000_000
                    + " ms after the approval's commit");
            assertThat(bothServe).isLessThan(Duration.ofSeconds(2));
        }
    }
}
