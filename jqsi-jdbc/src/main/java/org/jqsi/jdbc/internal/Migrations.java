package org.jqsi.jdbc.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema's versioned migrations ({@code org/jqsi/jdbc/migration/V*.sql}), applied by Flyway.
 *
 * <p>They are named here rather than found by Flyway's class-path scan: a scan does not see into a named module on
 * the module path, nor should it pick up a host application's own {@code db/migration}. The history is Flyway's, in
 * its own table, {@value #HISTORY_TABLE}, apart from any other Flyway history the database holds.
 */
public final class Migrations implements ResourceProvider {

    /** Every migration, oldest first. Add a new one here and beside the others; never change a released one. */
    static final List<String> FILES = List.of("V1__submissions.sql", "V2__accounts.sql", "V3__shared_secrets.sql");

    /** Where they are, as a resource path. */
    static final String DIRECTORY = "org/jqsi/jdbc/migration/";

    /** Flyway's history of them. */
    public static final String HISTORY_TABLE = "jqsi_schema_history";

    /**
     * Brings the database's schema up to date: applies the migrations it does not have yet, each in its own
     * transaction; nothing when it has them all. Several processes opening one database at once apply each once
     * (Flyway locks its history table).
     *
     * <p>When the history already names every migration, applied and unchanged (the usual start), that is read with
     * one query and Flyway is not started at all ({@link SchemaHistory}); any other history goes to Flyway.
     *
     * @return how many were applied
     * @throws org.flywaydb.core.api.FlywayException when one fails, or the database's history does not match them
     */
    public static int migrate(DataSource dataSource) {
        if (SchemaHistory.isCurrent(dataSource)) {
            return 0;
        }
        return migrateWithFlyway(dataSource);
    }

    /** {@link #migrate} by Flyway, whatever the history says. */
    static int migrateWithFlyway(DataSource dataSource) {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .resourceProvider(new Migrations())
                .cleanDisabled(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    @Override
    public LoadableResource getResource(String name) {
        return FILES.contains(name) ? new Migration(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (String file : FILES) {
            if (file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith)) {
                found.add(new Migration(file));
            }
        }
        return found;
    }

    /** One migration, read from this module's own resources. */
    private static final class Migration extends LoadableResource {

        private final String file;

        Migration(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = Migrations.class.getResourceAsStream("/" + DIRECTORY + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing from jqsi-jdbc: " + DIRECTORY + file));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return DIRECTORY + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return null;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
