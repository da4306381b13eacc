package org.jqsi.server;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.submission.Submitter;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;

/** Activities proposed for the sample program, and how the command line names a test database. */
final class Proposed {

    static final Instant AT = Instant.parse("2021-10-01T14:00:00Z");
    static final Submitter CS3R = new Submitter("Comité de solidarité/Trois-Rivières", "programme@example.org");

    private Proposed() {
    }

    /** A workshop of the 2021 edition in a region, organised by a partner of the sample. */
    static Activity workshop(String id, Region region, String partner) {
        return Activity.builder(id).edition(SampleProgram.EDITION_2021).kind(ActivityKind.WORKSHOP)
                .title(LocalizedText.of("Atelier « commerce équitable » à " + region.code(), "Fair trade workshop"))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 9, 18, 30), Region.EASTERN))
                .region(region).partner(partner, PartnerRole.ORGANIZER).build();
    }

    static Submission submit(SubmissionStore store, Activity activity) {
        return store.submit(Submission.Kind.NEW, null, activity, CS3R, AT).submission();
    }

    /** The options that name the database: {@code --data DIR} or {@code --database URL}. */
    static List<String> options(TestDatabase database) {
        return database.kind() == TestDatabases.Kind.EMBEDDED
                ? List.of("--data", database.dataDirectory().toString())
                : List.of("--database", database.url());
    }

    /** The environment that gives the PostgreSQL user and password, as an operator sets it. */
    static Map<String, String> environment(TestDatabase database) {
        Map<String, String> environment = new HashMap<>();
        if (database.kind() == TestDatabases.Kind.POSTGRESQL) {
            List<String> arguments = database.arguments();
            environment.put("JQSI_DATABASE_USER", arguments.get(2));
            environment.put("JQSI_DATABASE_PASSWORD", arguments.get(3));
        }
        return environment;
    }
}
