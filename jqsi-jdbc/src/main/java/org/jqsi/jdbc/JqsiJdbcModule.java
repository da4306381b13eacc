package org.jqsi.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import org.jqsi.core.submission.SubmissionStore;

/**
 * Guice wiring for jqsi-jdbc: binds an open {@link Database} and its submissions as the {@link SubmissionStore}. The
 * database is opened by the application (it decides where: a data directory, a PostgreSQL address and the password
 * from its environment) and closed by it.
 *
 * <pre>{@code
 * Database database = Database.embedded(Path.of("data"));
 * Injector injector = Guice.createInjector(new JqsiJdbcModule(database));
 * SubmissionStore submissions = injector.getInstance(SubmissionStore.class);
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiJdbcModule extends AbstractModule {

    private final Database database;

    /** Binds this open database. */
    public JqsiJdbcModule(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    protected void configure() {
        bind(Database.class).toInstance(database);
    }

    @Provides
    @Singleton
    SubmissionStore submissions(Database open) {
        return open.submissions();
    }
}
