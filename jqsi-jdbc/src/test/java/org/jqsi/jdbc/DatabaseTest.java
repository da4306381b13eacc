package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Language;
import org.jqsi.core.submission.Submission;
import org.jqsi.jdbc.internal.Failures;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening a database, on each kind: the schema made once, kept when opened again. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class DatabaseTest extends OnEachDatabase {

    @Test
    void theMigrationsAreAppliedOnceAndOpeningAgainKeepsWhatWasThere() {
        Submission kept;
        try (Database first = fresh.open()) {
            kept = first.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R, SUBMITTED)
                    .submission();
        }
        for (int i = 0; i < 2; i++) {
            try (Database again = fresh.open()) {
                assertThat(again.submissions().find(kept.id())).contains(kept);
                List<String> applied = again.jdbi().withHandle(h -> h.createQuery(
                        "SELECT version, success FROM jqsi_schema_history WHERE version IS NOT NULL")
                        .map((rs, ctx) -> rs.getString(1) + ":" + rs.getBoolean(2)).list());
                assertThat(applied).as("each migration applied once").containsExactly("1:true", "2:true", "3:true");
            }
        }
    }

    @Test
    void twoProcessesOpeningAFreshDatabaseAtOnceMakeItsSchemaOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Database> opening = fresh::open;
            List<Future<Database>> opened = List.of(pool.submit(opening), pool.submit(opening));
            for (Future<Database> database : opened) {
                try (Database open = database.get(2, TimeUnit.MINUTES)) {
                    assertThat(open.submissions().publicationRevision()).isZero();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockHeldTooLongIsSaidToMakeTheDatabaseBusy() throws Exception {
        try (Database database = fresh.open(); Connection holding = database.dataSource().getConnection();
                Connection waiting = database.dataSource().getConnection()) {
            holding.setAutoCommit(false);
            waiting.setAutoCommit(false);
            try (Statement statement = holding.createStatement(); Statement other = waiting.createStatement()) {
                statement.executeQuery("SELECT revision FROM publication WHERE id = 1 FOR UPDATE").close();
                assertThat(lockTimeout(other)).as("what a statement waits for a lock")
                        .isIn("30s", "30000");
                other.execute(kind == TestDatabases.Kind.EMBEDDED ? "SET LOCK_TIMEOUT 200"
                        : "SET lock_timeout = '200ms'");
                assertThatThrownBy(() -> other.executeQuery(
                        "SELECT revision FROM publication WHERE id = 1 FOR UPDATE").close())
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            DatabaseException busy = Failures.working(database.description(), e);
                            assertThat(busy.text().in(Language.EN)).isEqualTo(database.describe()
                                    + ": busy, a lock was held by another action for more than 30 s (an approval that"
                                    + " hangs?); try again");
                        });
            } finally {
                holding.rollback();
                waiting.rollback();
            }
        }
    }

    private String lockTimeout(Statement statement) throws SQLException {
        String sql = kind == TestDatabases.Kind.EMBEDDED
                ? "SELECT LOCK_TIMEOUT()"
                : "SHOW lock_timeout";
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void itDescribesItselfWithoutSecrets() {
        try (Database database = fresh.open()) {
            if (kind == TestDatabases.Kind.EMBEDDED) {
                assertThat(database.describe()).isEqualTo("embedded database in " + fresh.dataDirectory());
                assertThat(database.description().fr()).isEqualTo("base intégrée dans " + fresh.dataDirectory());
            } else {
                assertThat(database.describe()).isEqualTo("PostgreSQL " + fresh.url());
            }
            assertThat(database.toString()).isEqualTo(database.describe());
            assertThat(database.dataSource()).isNotNull();
        }
    }
}
