package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.submission.Submission;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening a database, on each kind: the schema made once, kept when opened again. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class DatabaseTest {

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
                assertThat(applied).as("each migration applied once").containsExactly("1:true");
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
