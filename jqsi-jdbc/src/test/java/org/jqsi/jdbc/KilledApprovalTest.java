package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.jdbc.Proposals.AGAINST_SAMPLE;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.REVIEWED;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A process killed (SIGKILL) in the middle of an approval, after it wrote everything but before it committed: the
 * submission is still pending and nothing is published, never half; the embedded database's file opens again as it
 * was, and the approval can then be done.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class KilledApprovalTest {

    private static final long PATIENCE_SECONDS = 120;

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    private TestDatabase fresh;

    @BeforeEach
    void create() {
        fresh = TestDatabases.create(kind, directory);
    }

    @AfterEach
    void drop() {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aProcessKilledWhileApprovingLeavesTheSubmissionPendingAndNothingPublished() throws Exception {
        Submission submitted;
        // The embedded database is closed here before the child opens it: the child holds the file when it dies.
        // PostgreSQL stays open in this process, as another server would.
        Database database = fresh.open();
        submitted = database.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R, SUBMITTED)
                .submission();
        if (kind == TestDatabases.Kind.EMBEDDED) {
            database.close();
        }

        Process child = approvingProcess(submitted.id());
        try {
            CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> firstLine(child));
            assertThat(said.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the child is in the check")
                    .isEqualTo(ApprovingProcess.CHECKING);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        }

        if (kind == TestDatabases.Kind.EMBEDDED) {
            database = fresh.open();
        }
        try {
            assertThat(database.submissions().find(submitted.id())).contains(submitted);
            assertThat(database.submissions().publication()).isEqualTo(Publication.EMPTY);
            Submission approved = database.submissions().approve(submitted.id(), 1, "cli:marie", null, REVIEWED,
                    AGAINST_SAMPLE);
            assertThat(approved.state()).isEqualTo(SubmissionState.APPROVED);
            assertThat(database.submissions().publication().revision()).isEqualTo(1);
        } finally {
            database.close();
        }
    }

    /** A JVM of its own, on this test's class and module paths, all on its class path. */
    private Process approvingProcess(String submissionId) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path")
                + (System.getProperty("jdk.module.path") == null ? ""
                        : File.pathSeparator + System.getProperty("jdk.module.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classPath,
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                ApprovingProcess.class.getName(), submissionId));
        command.addAll(fresh.arguments());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process child) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            return out.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
