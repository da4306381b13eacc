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
 * listens, then {@code program-version V} whenever asked by a line {@code version} on its standard input; a line
 * {@code served} prints {@code served N p50 p90 p99 max} (milliseconds) for the {@code 201} answers since the last
 * such line, timed inside the server from the servlet's start to its end, so that what the network and the client
 * add can be told apart. It stops at the end of its standard input.
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
            Timed timed = new Timed(submit);
            JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                    program, clock, Map.of("/submit/*", timed));
            try {
                System.out.println("port " + server.localUri().getPort());
                System.out.flush();
                java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("version")) {
                        System.out.println("program-version " + program.get().version());
                    } else if (line.equals("served")) {
                        System.out.println("served " + timed.drain());
                    }
                    System.out.flush();
                }
            } finally {
                server.stop();
            }
        }
    }

    /** The submission servlet, with how long each {@code 201} took inside the server. */
    private static final class Timed extends jakarta.servlet.http.HttpServlet {

        private static final long serialVersionUID = 1L;

        /** Requests at least this long are written to the standard error ({@code -Djqsi.bench.slowMillis}). */
        private static final double SLOW_MILLIS = Double.parseDouble(System.getProperty("jqsi.bench.slowMillis", "0"));
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();

        private final transient SubmissionServlet servlet;
        private final transient java.util.List<Double> millis = new java.util.ArrayList<>();

        Timed(SubmissionServlet servlet) {
            this.servlet = servlet;
        }

        @Override
        public void init(jakarta.servlet.ServletConfig config) throws jakarta.servlet.ServletException {
            super.init(config);
            servlet.init(config);
        }

        @Override
        protected void service(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response)
                throws jakarta.servlet.ServletException, java.io.IOException {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            servlet.service(request, response);
            if (response.getStatus() == 201) {
                double took = (System.nanoTime() - start) / 1e6;
                synchronized (millis) {
                    millis.add(took);
                }
                if (SLOW_MILLIS > 0 && took >= SLOW_MILLIS) {
                    // Wall time against the thread's own CPU time: a slow request that used little CPU waited
                    // (for a lock, the disk, a safepoint or a core); the JVM's uptime lines it up with -Xlog.
                    System.err.printf(java.util.Locale.ROOT, "slow %.3fs wall %.1f ms cpu %.1f ms%n",
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, took,
                            (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                }
            }
        }

        /** {@code N p50 p90 p99 max} since the last call, and starts afresh. */
        String drain() {
            double[] sorted;
            synchronized (millis) {
                sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                millis.clear();
            }
            if (sorted.length == 0) {
                return "0";
            }
            return String.format(java.util.Locale.ROOT, "%d %.1f %.1f %.1f %.1f", sorted.length, at(sorted, 0.5),
                    at(sorted, 0.9), at(sorted, 0.99), sorted[sorted.length - 1]);
        }

        private static double at(double[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }
}
