package org.jqsi.jdbc;

import java.nio.file.Path;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A test class run once on each kind of database, every test on a fresh, empty one ({@link TestDatabases}): the
 * subclass is annotated {@code @ParameterizedClass @EnumSource(TestDatabases.Kind.class)} and opens
 * {@link #fresh} as often as it needs. JUnit runs this class's {@code @BeforeEach} before the subclass's and its
 * {@code @AfterEach} after, so a database the subclass opens in its own set-up is closed before the fresh one is
 * dropped. It lives in this package because JUnit sets its fields by reflection, and the tests run inside the
 * module, which opens to JUnit only the packages that hold tests.
 */
public abstract class OnEachDatabase {

    /** The kind this run of the class is on. */
    @Parameter
    protected TestDatabases.Kind kind;

    /** The test's own directory: the embedded database's, and any other file the test writes. */
    @TempDir
    protected Path directory;

    /** This test's database, created empty before it and dropped after it. */
    protected TestDatabase fresh;

    @BeforeEach
    final void createFreshDatabase() {
        fresh = TestDatabases.create(kind, directory);
    }

    @AfterEach
    final void dropFreshDatabase() {
        if (fresh != null) {
            fresh.close();
        }
    }
}
