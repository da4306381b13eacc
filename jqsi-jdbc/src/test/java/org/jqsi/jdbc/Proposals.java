package org.jqsi.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.PublicationCheck;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ProgramValidator;

/** What the tests propose: workshops of the sample program's 2021 edition, by the Mauricie's committee. */
final class Proposals {

    static final Submitter CS3R = new Submitter("Comité de solidarité/Trois-Rivières", "programme@example.org");
    static final Instant SUBMITTED = Instant.parse("2021-10-01T14:00:00.123Z");
    static final Instant REVIEWED = Instant.parse("2021-10-02T15:30:00.456Z");

    /** The usual check: the sample program composed with what would be published, validated whole. */
    static final PublicationCheck AGAINST_SAMPLE = Publishing.checkAgainst(SampleProgram.data(),
            new ProgramValidator());

    private Proposals() {
    }

    static Activity workshop(String id) {
        return workshop(id, Region.MAURICIE);
    }

    static Activity workshop(String id, Region region) {
        return Activity.builder(id).edition(SampleProgram.EDITION_2021).kind(ActivityKind.WORKSHOP)
                .title(LocalizedText.of("Atelier sur le commerce équitable", "Fair trade workshop"))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 9, 18, 30), Region.EASTERN))
                .region(region).partner("cs3r", PartnerRole.ORGANIZER).build();
    }
}
