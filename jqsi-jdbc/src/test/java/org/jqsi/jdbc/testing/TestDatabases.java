package org.jqsi.jdbc.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jqsi.jdbc.Database;

/**
 * Real databases for tests, one fresh and empty for each caller: the embedded one in a directory the test gives (a
 * {@code @TempDir}), and PostgreSQL when {@value #POSTGRES_URL} gives a server's address (a database made with a
 * random name, dropped on {@link TestDatabase#close()}). Without that variable the PostgreSQL cases are skipped, with
 * a line on the console that says so; under {@code CI=true} they fail instead, so that CI never passes without them.
 *
 * <p>A test class of this module extends {@code org.jqsi.jdbc.OnEachDatabase} to run on each kind, a fresh one per
 * test.
 *
 * <p>{@code .ci/postgres-start} starts a throwaway PostgreSQL cluster and prints the line to export
 * (CONTRIBUTING.md).
 */
public final class TestDatabases {

    /** The address of a PostgreSQL server's maintenance database: {@code jdbc:postgresql://localhost:5432/postgres}. */
    public static final String POSTGRES_URL = "JQSI_TEST_POSTGRES_URL";
    /** Its user, {@code postgres} when not given; it must be allowed to create databases. */
    public static final String POSTGRES_USER = "JQSI_TEST_POSTGRES_USER";
    /** Its password, none when not given (trust authentication). */
    public static final String POSTGRES_PASSWORD = "JQSI_TEST_POSTGRES_PASSWORD";

    private static final Set<Kind> WARNED = ConcurrentHashMap.newKeySet();

    /** The two databases jqsi keeps its data in. */
    public enum Kind {
        /** H2, in a data directory: {@link Database#embedded}. */
        EMBEDDED,
        /** PostgreSQL: {@link Database#connect}. */
        POSTGRESQL
    }

    private TestDatabases() {
    }

    /** Whether tests can have a database of this kind here. */
    public static boolean available(Kind kind) {
        return kind == Kind.EMBEDDED || postgresUrl() != null;
    }

    /** The kinds available here. */
    public static Set<Kind> availableKinds() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            if (available(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * Skips the test, saying why once on the console, unless a database of this kind is available; fails it instead
     * under {@code CI=true}.
     */
    public static void assumeAvailable(Kind kind) {
        boolean available = available(kind);
        String why = "PostgreSQL tests need " + POSTGRES_URL + " (e.g. jdbc:postgresql://localhost:5432/postgres, user "
                + "postgres, trust authentication): .ci/postgres-start starts a cluster and prints it";
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and no PostgreSQL: " + why);
        }
        if (!available && WARNED.add(kind)) {
            // Surefire shows what the test JVM writes: the one place a skipped test can say why.
            System.err.println("[WARNING] skipped: " + why);
        }
        assumeTrue(available, why);
    }

    /**
     * A fresh, empty database of this kind (skipped, or failed under CI, when there is none here). Nothing is opened
     * yet: {@link TestDatabase#open()} opens it, as often as a test wants.
     *
     * @param directory a directory of the test's own, for the embedded database; unused for PostgreSQL
     */
    public static TestDatabase create(Kind kind, Path directory) {
        assumeAvailable(kind);
        if (kind == Kind.EMBEDDED) {
            return TestDatabase.embedded(directory.resolve("data"));
        }
        String name = "jqsi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return TestDatabase.postgres(withDatabase(postgresUrl(), name), postgresUser(), postgresPassword(), name);
    }

    /** Drops a database that {@link #create} made, and ends whatever connection is still open to it. */
    static void drop(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + postgresUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The address with another database: {@code jdbc:postgresql://host:port/NAME?params}. */
    static String withDatabase(String url, String name) {
        String prefix = "jdbc:postgresql://";
        if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException(POSTGRES_URL + ": not jdbc:postgresql://...: " + url);
        }
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String address = query < 0 ? url : url.substring(0, query);
        int slash = address.indexOf('/', prefix.length());
        String host = slash < 0 ? address : address.substring(0, slash);
        return host + "/" + name + params;
    }

    private static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL);
        return url == null || url.isBlank() ? null : url.strip();
    }

    private static String postgresUser() {
        String user = System.getenv(POSTGRES_USER);
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static String postgresPassword() {
        return System.getenv(POSTGRES_PASSWORD);
    }
}
