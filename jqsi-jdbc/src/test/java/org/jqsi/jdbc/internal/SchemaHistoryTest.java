package org.jqsi.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.jqsi.core.model.Language;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.DatabaseException;
import org.jqsi.jdbc.OnEachDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opening a database whose schema is already current skips Flyway; every other history still goes through it and
 * comes out as it did with Flyway alone: brought up to date, or refused with the reason.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class SchemaHistoryTest extends OnEachDatabase {

    @Test
    void theRowsExpectedAreTheOnesFlywayWrites() throws SQLException {
        try (Database database = fresh.open(); Connection connection = database.dataSource().getConnection()) {
            assertThat(SchemaHistory.applied(connection)).as("what Flyway wrote on a new database")
                    .isEqualTo(SchemaHistory.expected())
                    .hasSize(Migrations.FILES.size());
            assertThat(SchemaHistory.isCurrent(database.dataSource())).isTrue();
        }
    }

    @Test
    void aDatabaseWithoutHistoryIsNotCurrentAndSaysNothingOfIt() throws SQLException {
        try (Database database = fresh.open()) {
            sql(database, "DROP TABLE " + Migrations.HISTORY_TABLE);
            assertThat(SchemaHistory.isCurrent(database.dataSource())).isFalse();
        }
        // Flyway finds tables without a history, as it did before, and refuses to guess.
        assertThatThrownBy(fresh::open).isInstanceOfSatisfying(DatabaseException.class, e ->
                assertThat(e.text().in(Language.EN)).contains("cannot bring its tables up to date"));
    }

    @Test
    void anOlderSchemaIsBroughtUpToDateByFlyway() throws SQLException {
        try (Database database = fresh.open()) {
            withoutTheLastMigration(database);
            assertThat(SchemaHistory.isCurrent(database.dataSource())).isFalse();
        }
        try (Database database = fresh.open()) {
            assertThat(applied(database)).containsExactly("1:true", "2:true", "3:true");
            assertThat(database.sharedSecret("submit-form")).hasSize(43);
            assertThat(SchemaHistory.isCurrent(database.dataSource())).isTrue();
        }
    }

    @Test
    void twoProcessesOpeningAnOlderSchemaAtOnceApplyTheMissingMigrationOnce() throws Exception {
        try (Database database = fresh.open()) {
            withoutTheLastMigration(database);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Database> opening = fresh::open;
            List<Future<Database>> opened = List.of(pool.submit(opening), pool.submit(opening));
            for (Future<Database> database : opened) {
                try (Database open = database.get(2, TimeUnit.MINUTES)) {
                    assertThat(applied(open)).containsExactly("1:true", "2:true", "3:true");
                    assertThat(open.sharedSecret("submit-form")).hasSize(43);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewerSchemaIsLeftToFlywayWhichOpensItAsBefore() throws SQLException {
        try (Database database = fresh.open()) {
            sql(database, "INSERT INTO " + Migrations.HISTORY_TABLE + " (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success) VALUES (4, '4', 'future', 'SQL',"
                    + " 'V4__future.sql', 1, 'a newer jqsi', 1, TRUE)");
            assertThat(SchemaHistory.isCurrent(database.dataSource())).isFalse();
        }
        // Flyway ignores migrations it does not know yet that a newer jqsi applied ("future" ones).
        try (Database database = fresh.open()) {
            assertThat(applied(database)).containsExactly("1:true", "2:true", "3:true", "4:true");
            assertThat(database.submissions().publicationRevision()).isZero();
        }
    }

    @Test
    void aChangedMigrationIsStillRefused() throws SQLException {
        try (Database database = fresh.open()) {
            sql(database, "UPDATE " + Migrations.HISTORY_TABLE + " SET checksum = checksum + 1 WHERE version = '1'");
            assertThat(SchemaHistory.isCurrent(database.dataSource())).isFalse();
        }
        assertThatThrownBy(fresh::open).isInstanceOfSatisfying(DatabaseException.class, e ->
                assertThat(e.text().in(Language.EN)).contains("cannot bring its tables up to date")
                        .containsIgnoringCase("checksum"));
    }

    @Test
    void aFailedMigrationIsStillRefused() throws SQLException {
        try (Database database = fresh.open()) {
            sql(database, "UPDATE " + Migrations.HISTORY_TABLE + " SET success = FALSE WHERE version = '2'");
            assertThat(SchemaHistory.isCurrent(database.dataSource())).isFalse();
        }
        assertThatThrownBy(fresh::open).isInstanceOfSatisfying(DatabaseException.class, e ->
                assertThat(e.text().in(Language.EN)).contains("cannot bring its tables up to date"));
    }

    @Test
    void checksumsIgnoreLineEndingsAndAByteOrderMark() throws IOException {
        CRC32 lines = new CRC32();
        lines.update("SELECT 1;SELECT 2;".getBytes(StandardCharsets.UTF_8));
        for (String text : List.of("SELECT 1;\nSELECT 2;", "SELECT 1;\r\nSELECT 2;\r\n",
                "\uFEFFSELECT 1;\nSELECT 2;\n")) {
            assertThat(SchemaHistory.checksum(new StringReader(text))).as(text).isEqualTo((int) lines.getValue());
        }
    }

    /** The history as it was before the last migration: its row and its tables gone. */
    private static void withoutTheLastMigration(Database database) throws SQLException {
        sql(database, "DROP TABLE shared_secrets");
        sql(database, "DELETE FROM " + Migrations.HISTORY_TABLE + " WHERE version = '3'");
    }

    private static void sql(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> applied(Database database) throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM " + Migrations.HISTORY_TABLE
                        + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                applied.add(rows.getString(1) + ":" + rows.getBoolean(2));
            }
        }
        return applied;
    }
}
