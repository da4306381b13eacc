package org.jqsi.jdbc.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jqsi.jdbc.Database;

/**
 * A database made for one test ({@link TestDatabases#create}): it opens as often as the test wants, each
 * {@link Database} standing for a process of its own, and is dropped when closed (the embedded one lives in the test's
 * own directory).
 */
public final class TestDatabase implements AutoCloseable {

    private final TestDatabases.Kind kind;
    private final Path directory;
    private final String url;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(TestDatabases.Kind kind, Path directory, String url, String user, String password,
            String name) {
        this.kind = kind;
        this.directory = directory;
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    static TestDatabase embedded(Path directory) {
        return new TestDatabase(TestDatabases.Kind.EMBEDDED, directory, null, null, null, null);
    }

    static TestDatabase postgres(String url, String user, String password, String name) {
        return new TestDatabase(TestDatabases.Kind.POSTGRESQL, null, url, user, password, name);
    }

    /** Which kind it is. */
    public TestDatabases.Kind kind() {
        return kind;
    }

    /** A new {@link Database} on it: another connection pool, as another process would have. */
    public Database open() {
        return kind == TestDatabases.Kind.EMBEDDED ? Database.embedded(directory)
                : Database.connect(url, user, password);
    }

    /** The embedded database's data directory; {@code null} for PostgreSQL. */
    public Path dataDirectory() {
        return directory;
    }

    /** The PostgreSQL database's address; {@code null} for the embedded one. */
    public String url() {
        return url;
    }

    /**
     * What another JVM needs to open it ({@link #open(List)}): the kind, then the directory, or the address, user and
     * password. The password is the test server's, never a real one.
     */
    public List<String> arguments() {
        return kind == TestDatabases.Kind.EMBEDDED ? List.of(kind.name(), directory.toString())
                : List.of(kind.name(), url, user, Objects.requireNonNullElse(password, ""));
    }

    /** Opens the database that {@link #arguments()} names, in another JVM. */
    public static Database open(List<String> arguments) {
        TestDatabases.Kind kind = TestDatabases.Kind.valueOf(arguments.get(0));
        return kind == TestDatabases.Kind.EMBEDDED ? Database.embedded(Path.of(arguments.get(1)))
                : Database.connect(arguments.get(1), arguments.get(2),
                        arguments.get(3).isEmpty() ? null : arguments.get(3));
    }

    /** Drops the PostgreSQL database, ending its connections; the embedded one goes with the test's directory. */
    @Override
    public void close() {
        if (name != null) {
            TestDatabases.drop(name);
        }
    }

    @Override
    public String toString() {
        return kind + (directory != null ? " in " + directory : " " + url);
    }
}
