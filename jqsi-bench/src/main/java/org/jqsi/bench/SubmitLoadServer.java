package org.jqsi.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.Database;
import org.jqsi.server.JqsiServer;
import org.jqsi.server.ServerSettings;
import org.jqsi.server.internal.submissions.SubmittedSource;
import org.jqsi.web.submit.SubmissionServlet;
import org.jqsi.web.submit.SubmitSettings;

/**
 * The server that {@link SubmitLoad} measures, in a process of its own as in production, so that the load generator's
 * threads and garbage collections are not counted as the server's: the real server on the embedded database of a data
 * directory, with a generated program and the submission API at {@code /submit/}. Prints {@code port N} once it
 * listens, then {@code program-version V} whenever asked by a line {@code version} on its standard input, and stops at
 * the end of its standard input.
 *
 * <pre>java -cp benchmarks.jar org.jqsi.bench.SubmitLoadServer ACTIVITIES DATA-DIRECTORY</pre>
 */
public final class SubmitLoadServer {

    private SubmitLoadServer() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        Clock clock = Clock.systemUTC();
        ProgramValidator validator = new ProgramValidator();
        try (Database database = Database.embedded(data)) {
            SubmittedSource source = new SubmittedSource(ProgramSource.of("generated " + size, Programs.data(size)),
                    database.submissions(), database::watchPublication, database.describe(), validator, clock,
                    Language.EN);
            CurrentProgram program = CurrentProgram.load(source, validator, clock);
            // The rate limit is the API's defence, not what is measured: every client here is one address.
            SubmissionServlet submit = new SubmissionServlet(database.submissions(), program::get, validator,
                    SubmitSettings.builder().rateLimit(1_000_000, 1_000_000, Duration.ofSeconds(1)).build(), clock);
            JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                    program, clock, Map.of("/submit/*", submit));
            try {
                System.out.println("port " + server.localUri().getPort());
                System.out.flush();
                java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("version")) {
                        System.out.println("program-version " + program.get().version());
                        System.out.flush();
                    }
                }
            } finally {
                server.stop();
            }
        }
    }
}
