package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.jqsi.core.submission.SubmissionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guice binds the open database and its submissions as the store. */
class JqsiJdbcModuleTest {

    @TempDir
    Path directory;

    @Test
    void theStoreIsTheDatabasesSubmissions() {
        try (Database database = Database.embedded(directory)) {
            Injector injector = Guice.createInjector(new JqsiJdbcModule(database));

            assertThat(injector.getInstance(Database.class)).isSameAs(database);
            assertThat(injector.getInstance(SubmissionStore.class)).isSameAs(database.submissions());
        }
    }
}
