package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jqsi.jdbc.EmbeddedDatabaseTest.assertPlain;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.jqsi.core.model.Language;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting to PostgreSQL: what people are told when it cannot be done, and no password in any description. */
class PostgresqlConnectTest {

    @TempDir
    Path directory;

    @Test
    void anAddressThatIsNotPostgresqlIsRefused() {
        for (String url : new String[] {"jdbc:h2:mem:x", "postgresql://localhost/jqsi", "jdbc:mysql://db/jqsi"}) {
            assertThatThrownBy(() -> Database.connect(url, "jqsi", null))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> {
                        assertThat(e.text().in(Language.EN)).startsWith(url + " is not a PostgreSQL address");
                        assertThat(e.text().in(Language.FR)).startsWith(url + " n'est pas une adresse PostgreSQL");
                    });
        }
    }

    @Test
    void aServerThatCannotBeReachedIsSaid() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/jqsi?connectTimeout=5";

        assertThatThrownBy(() -> Database.connect(url, "jqsi", "secret"))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.text().in(Language.EN)).startsWith("PostgreSQL jdbc:postgresql://127.0.0.1:" + closed
                            + "/jqsi: cannot be reached");
                    assertThat(e.text().in(Language.FR)).contains(": injoignable");
                    assertThat(e.getMessage()).doesNotContain("secret");
                    assertPlain(e);
                });
    }

    @Test
    void theAddressIsDescribedWithoutWhatMayHoldASecret() {
        assertThat(Database.withoutSecrets("jdbc:postgresql://db:5432/jqsi?user=jqsi&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/jqsi");
        assertThat(Database.withoutSecrets("jdbc:postgresql://jqsi:secret@db/jqsi")).isEqualTo("jdbc:postgresql://db/jqsi");
    }

    @Test
    void aDatabaseThatDoesNotExistIsSaid() {
        TestDatabases.assumeAvailable(TestDatabases.Kind.POSTGRESQL);
        String url;
        try (TestDatabase fresh = TestDatabases.create(TestDatabases.Kind.POSTGRESQL, directory)) {
            url = fresh.url() + "_gone";
        }
        assertThatThrownBy(() -> Database.connect(url, "postgres", null))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.text().in(Language.EN)).contains("no such database", "createdb");
                    assertThat(e.text().in(Language.FR)).contains("n'existe pas", "createdb");
                    assertPlain(e);
                });
    }

    @Test
    void aUserThatIsRefusedIsSaid() {
        TestDatabases.assumeAvailable(TestDatabases.Kind.POSTGRESQL);
        try (TestDatabase fresh = TestDatabases.create(TestDatabases.Kind.POSTGRESQL, directory)) {
            // Trust authentication takes any password, but not a role that does not exist.
            assertThatThrownBy(() -> Database.connect(fresh.url(), "nobody_here", "secret"))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> {
                        assertThat(e.text().in(Language.EN)).contains("the user nobody_here or its password is refused");
                        assertThat(e.text().in(Language.FR)).contains("l'utilisateur nobody_here");
                        assertThat(e.getMessage()).doesNotContain("secret");
                        assertPlain(e);
                    });
        }
    }

    @Test
    void aPostgresqlDatabaseIsBackedUpWithItsOwnTools() {
        try (TestDatabase fresh = TestDatabases.create(TestDatabases.Kind.POSTGRESQL, directory);
                Database database = fresh.open()) {
            assertThatThrownBy(() -> database.backUpTo(directory.resolve("b.zip")))
                    .isInstanceOfSatisfying(DatabaseException.class,
                            e -> assertThat(e.text().in(Language.EN)).contains("pg_dump"));
        }
    }
}
