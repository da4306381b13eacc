package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * What a process said was done is in the database even when the process dies the instant after, with no shutdown hook
 * and nothing closed: a submission answered {@code 201}, an approval the command line reported. H2 keeps changes in
 * memory up to a second after their commit unless told to write each commit ({@code WRITE_DELAY=0}); without it, both
 * were lost here.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class CrashAfterCommitTest {

    /** Only a hang: a JVM starting on a loaded machine can take many seconds. */
    private static final long PATIENCE_SECONDS = 180;

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    private TestDatabase fresh;

    @BeforeEach
    void create() {
        fresh = TestDatabases.create(kind, directory);
        // Made and closed here: the child holds the embedded file itself when it dies.
        fresh.open().close();
    }

    @AfterEach
    void drop() {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aSubmissionKeptJustBeforeTheProcessDiedIsStillThere() throws Exception {
        Process child = ApprovingProcess.start("submit-then-die", "-", fresh);
        String id = firstLine(child);

        try (Database after = fresh.open()) {
            assertThat(after.submissions().find(id)).hasValueSatisfying(
                    kept -> assertThat(kept.state()).isEqualTo(SubmissionState.PENDING));
        }
    }

    @Test
    void anApprovalReportedJustBeforeTheProcessDiedIsStillThere() throws Exception {
        Submission submitted;
        try (Database before = fresh.open()) {
            submitted = before.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R, SUBMITTED)
                    .submission();
        }
        Process child = ApprovingProcess.start("finish-then-die", submitted.id(), fresh);
        BufferedReader out = ApprovingProcess.output(child);
        assertThat(said(out)).isEqualTo(ApprovingProcess.CHECKING);
        assertThat(said(out)).isEqualTo(ApprovingProcess.APPROVED);
        assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(ApprovingProcess.DIED);

        try (Database after = fresh.open()) {
            assertThat(after.submissions().find(submitted.id()).orElseThrow().state())
                    .isEqualTo(SubmissionState.APPROVED);
            assertThat(after.submissions().publication().activities()).hasSize(1);
        }
    }

    private static String firstLine(Process child) throws Exception {
        try {
            String line = said(ApprovingProcess.output(child));
            assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(ApprovingProcess.DIED);
            return line;
        } finally {
            child.destroyForcibly();
        }
    }

    private static String said(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> ApprovingProcess.nextLine(out))
                .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }
}
