package org.jqsi.web.submit;

import java.nio.file.Path;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;

/** The API served on a fresh real database of one kind; closing it stops the server and drops the database. */
final class ApiOnDatabase implements AutoCloseable {

    final TestDatabase fresh;
    final Database database;
    final SubmissionStore store;
    final SubmitServer server;

    private ApiOnDatabase(TestDatabase fresh, Database database, SubmitServer server) {
        this.fresh = fresh;
        this.database = database;
        this.store = database.submissions();
        this.server = server;
    }

    /** Skipped (or failed under CI) when there is no database of that kind here. */
    static ApiOnDatabase start(TestDatabases.Kind kind, Path directory, SubmitSettings settings) throws Exception {
        TestDatabase fresh = TestDatabases.create(kind, directory);
        Database database = fresh.open();
        return new ApiOnDatabase(fresh, database, SubmitServer.start(database.submissions(), settings));
    }

    @Override
    public void close() {
        server.close();
        database.close();
        fresh.close();
    }
}
