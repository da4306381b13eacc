package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.jdbc.Proposals.AGAINST_SAMPLE;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.REVIEWED;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Another process on the same database, as the command line beside a running server: its approval is published
 * here; killed (SIGKILL) in the middle of an approval, after it wrote everything but before it committed, it leaves
 * the submission pending and nothing published, never half. The embedded database is shared through H2's server
 * (AUTO_SERVER) while this process holds it, and its file opens again as it was when the killed process held it.
 * And what a process said was done is in the database even when it dies the instant after, with no shutdown hook and
 * nothing closed: a submission answered {@code 201}, an approval the command line reported. H2 keeps changes in
 * memory up to a second after their commit unless told to write each commit ({@code WRITE_DELAY=0}); without it, the
 * approval was lost here.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class KilledApprovalTest extends OnEachDatabase {

    /** Only a hang: a JVM starting on a loaded machine can take many seconds. */
    private static final long PATIENCE_SECONDS = 180;

    @Test
    void anApprovalByAnotherProcessIsPublishedHere() throws Exception {
        try (Database server = fresh.open()) {
            Submission submitted = submit(server);
            BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
            Database.Watch watch = server.watchPublication(seen::add);
            try {
                Process child = ApprovingProcess.start(false, submitted.id(), fresh);
                try {
                    BufferedReader out = ApprovingProcess.output(child);
                    assertThat(said(out)).isEqualTo(ApprovingProcess.CHECKING);
                    assertThat(said(out)).isEqualTo(ApprovingProcess.APPROVED);
                    assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
                    assertThat(child.exitValue()).isZero();
                } finally {
                    child.destroyForcibly();
                }
                assertThat(seen.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo(1L);
            } finally {
                watch.close();
            }
            assertThat(server.submissions().find(submitted.id()).orElseThrow().state())
                    .isEqualTo(SubmissionState.APPROVED);
            assertThat(server.submissions().publication().activities()).hasSize(1);
        }
    }

    @Test
    void aProcessKilledWhileApprovingBesideThisOneLeavesTheSubmissionPending() throws Exception {
        try (Database server = fresh.open()) {
            Submission submitted = submit(server);

            killWhileChecking(submitted);

            assertStillPendingThenApprovable(server, submitted);
        }
    }

    @Test
    void aProcessKilledWhileApprovingAloneLeavesTheSubmissionPendingAndTheFileOpensAgain() throws Exception {
        assumeTrue(kind == TestDatabases.Kind.EMBEDDED, "a PostgreSQL server has no file that a client holds");
        Submission submitted;
        // Closed before the child opens it: the child holds the embedded file itself when it dies.
        try (Database before = fresh.open()) {
            submitted = submit(before);
        }

        killWhileChecking(submitted);

        try (Database after = fresh.open()) {
            assertStillPendingThenApprovable(after, submitted);
        }
    }

    @Test
    void aSubmissionKeptJustBeforeTheProcessDiedIsStillThere() throws Exception {
        // Made and closed here: the child holds the embedded file itself when it dies.
        fresh.open().close();
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

    private void killWhileChecking(Submission submitted) throws Exception {
        Process child = ApprovingProcess.start(true, submitted.id(), fresh);
        try {
            assertThat(said(ApprovingProcess.output(child))).as("the child is in its approval's check")
                    .isEqualTo(ApprovingProcess.CHECKING);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void assertStillPendingThenApprovable(Database database, Submission submitted) throws Exception {
        assertThat(database.submissions().find(submitted.id())).contains(submitted);
        assertThat(database.submissions().publication()).isEqualTo(Publication.EMPTY);
        Submission approved = database.submissions().approve(submitted.id(), 1, "cli:marie", null, REVIEWED,
                AGAINST_SAMPLE);
        assertThat(approved.state()).isEqualTo(SubmissionState.APPROVED);
        assertThat(database.submissions().publication().revision()).isEqualTo(1);
    }

    private static Submission submit(Database database) {
        return database.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R, SUBMITTED)
                .submission();
    }

    private static String said(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> ApprovingProcess.nextLine(out))
                .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }
}
