package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.jdbc.Proposals.AGAINST_SAMPLE;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.REVIEWED;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A server follows what approvals publish, whoever approves: another process on the same database. The waits are
 * bounded generously (a loaded machine is slow); how long it took is printed, not asserted.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class PublicationWatchTest extends OnEachDatabase {

    /** Only a hang: the design's delay is half a second (embedded) or a signal (PostgreSQL). */
    private static final long PATIENCE_SECONDS = 60;

    private Database server;

    @BeforeEach
    void open() {
        server = fresh.open();
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anApprovalByAnotherProcessIsCalledBackWithItsRevision() throws Exception {
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        Database.Watch watch = server.watchPublication(seen::add);
        try (Database commandLine = fresh.open()) {
            SubmissionStore store = commandLine.submissions();
            Submission submitted = store.submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R, SUBMITTED)
                    .submission();
            assertThat(seen.poll(1, TimeUnit.SECONDS)).as("a submission publishes nothing").isNull();

            store.approve(submitted.id(), 1, "cli:marie", null, REVIEWED, AGAINST_SAMPLE);
            long approved = System.nanoTime();
            Long revision = seen.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - approved);

            assertThat(revision).isEqualTo(1L);
            assertThat(server.submissions().publication().activities()).hasSize(1);
            System.out.printf("[INFO] %s: another process's approval seen after %d ms%n", kind, millis);
        } finally {
            watch.close();
        }
    }

    @Test
    void aCallbackThatFailsDoesNotStopTheWatchAndClosingStopsIt() throws Exception {
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        Database.Watch watch = server.watchPublication(revision -> {
            seen.add(revision);
            throw new IllegalStateException("the program could not be composed");
        });
        SubmissionStore store = server.submissions();
        for (int i = 1; i <= 2; i++) {
            Submission submitted = store.submit(Submission.Kind.NEW, null, workshop("atelier-" + i), CS3R, SUBMITTED)
                    .submission();
            store.approve(submitted.id(), 1, "cli:marie", null, REVIEWED, AGAINST_SAMPLE);
            assertThat(seen.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo(i);
        }
        watch.close();

        Submission third = store.submit(Submission.Kind.NEW, null, workshop("atelier-3"), CS3R, SUBMITTED)
                .submission();
        store.approve(third.id(), 1, "cli:marie", null, REVIEWED, AGAINST_SAMPLE);
        assertThat(seen.poll(3, TimeUnit.SECONDS)).as("nothing once closed").isNull();
    }

    @Test
    void onPostgresqlTheApprovalSignalsItsRevisionWhenItCommits() throws Exception {
        if (kind != TestDatabases.Kind.POSTGRESQL) {
            return;
        }
        try (Connection listening = server.dataSource().getConnection();
                Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + JdbcSubmissionStore.CHANNEL);
            SubmissionStore store = server.submissions();
            Submission submitted = store.submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R, SUBMITTED)
                    .submission();
            store.approve(submitted.id(), 1, "cli:marie", null, REVIEWED, AGAINST_SAMPLE);

            PGNotification[] notifications = listening.unwrap(PGConnection.class)
                    .getNotifications((int) TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
            assertThat(notifications).singleElement().satisfies(n -> {
                assertThat(n.getName()).isEqualTo(JdbcSubmissionStore.CHANNEL);
                assertThat(n.getParameter()).isEqualTo("1");
            });
        }
    }
}
