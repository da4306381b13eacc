package org.jqsi.jdbc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.jdbc.testing.TestDatabase;

/**
 * Another process that approves a submission, as the command line does while a server runs: it says
 * {@value #CHECKING} on standard output when its approval's check runs, then, told to {@code hang}, sleeps there until
 * it is killed ({@link KilledApprovalTest}), or, told to {@code finish}, commits and says {@value #APPROVED}. Told to
 * {@code finish-then-die}, it dies at once after saying so, without closing anything, as a process killed right after
 * it answered ({@link KilledApprovalTest}); told to {@code submit-then-die}, it keeps a new submission, says its id
 * and dies the same way.
 * Arguments: {@code hang}, {@code finish}, {@code finish-then-die} or {@code submit-then-die}, the submission's id
 * ({@code -} for a new one), then {@link TestDatabase#arguments()}.
 */
public final class ApprovingProcess {

    static final String CHECKING = "checking";
    static final String APPROVED = "approved";
    /** The exit status of a process that died on purpose. */
    static final int DIED = 137;

    private ApprovingProcess() {
    }

    public static void main(String[] args) throws Exception {
        boolean hang = args[0].equals("hang");
        boolean die = args[0].endsWith("-then-die");
        List<String> database = Arrays.asList(args).subList(2, args.length);
        Database open = TestDatabase.open(database);
        if (args[0].equals("submit-then-die")) {
            System.out.println(open.submissions().submit(Submission.Kind.NEW, null, Proposals.workshop("atelier-2"),
                    Proposals.CS3R, Instant.now()).submission().id());
            System.out.flush();
            Runtime.getRuntime().halt(DIED);
        }
        try (open) {
            open.submissions().approve(args[1], 1, "cli:other", null, Instant.now(), (published, approved) -> {
                System.out.println(CHECKING);
                System.out.flush();
                while (hang) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                return ValidationReport.clean();
            });
            System.out.println(APPROVED);
            System.out.flush();
            if (die) {
                // No shutdown hook, no close: what was committed must already be in the database's file.
                Runtime.getRuntime().halt(DIED);
            }
        }
    }

    /** Starts one: a JVM of its own, on this test's class and module paths, all on its class path. */
    static Process start(boolean hang, String submissionId, TestDatabase database) throws IOException {
        return start(hang ? "hang" : "finish", submissionId, database);
    }

    /** Starts one told what to do: {@code hang}, {@code finish}, {@code finish-then-die}, {@code submit-then-die}. */
    static Process start(String mode, String submissionId, TestDatabase database) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String modulePath = System.getProperty("jdk.module.path");
        String classPath = System.getProperty("java.class.path")
                + (modulePath == null ? "" : File.pathSeparator + modulePath);
        // A short run: the quick compiler alone and the serial collector start sooner and leave more of a shared CPU
        // to the test; nothing here depends on either.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classPath));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.addAll(List.of(ApprovingProcess.class.getName(), mode, submissionId));
        command.addAll(database.arguments());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** What it says next on standard output; {@code null} once it ended. */
    static String nextLine(BufferedReader out) {
        try {
            return out.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
