package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramReader;
import org.junit.jupiter.api.Test;

class ActivityReadingTest {

    private static final Program SAMPLE = Program.of(SampleProgram.data());
    private static final ActivityReading READING = new ActivityReading(new ProgramReader(new ProgramValidator()));

    static final String WORKSHOP = """
            {"editionId": "jqsi-2021", "kind": "workshop",
             "title": {"fr": "Atelier sur le commerce équitable"},
             "schedule": {"type": "timed", "start": "2021-11-10T19:00", "zone": "America/Toronto"},
             "region": "04", "partners": [{"partnerId": "cs3r", "role": "organizer"}], "status": "scheduled"}""";

    @Test
    void readsAnActivityInTheServedProgramWithAStandInIdWhenItHasNone() throws Refusal {
        Activity activity = READING.read(text(WORKSHOP, 1, 1, false), SAMPLE);
        assertThat(activity.id()).isEqualTo(ActivityReading.STAND_IN_ID);
        assertThat(activity.title().fr()).isEqualTo("Atelier sur le commerce équitable");
        assertThat(activity.partners()).hasSize(1);
    }

    @Test
    void reportsTheProgramFilesProblemsAtTheActivitysPathsAndTheirPlaceInTheBody() {
        String sent = WORKSHOP.replace("\"kind\": \"workshop\"", "\"kind\": \"workshop\", \"colour\": \"red\"")
                .replace("\"cs3r\"", "\"nobody\"").replace("2021-11-10T19:00", "2021-11-31T19:00");
        // As if the activity began at line 3, column 14 of the body.
        Refusal refused = catchThrowableOfType(Refusal.class, () -> READING.read(text(sent, 3, 14, false), SAMPLE));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problems()).extracting(ApiProblem::path)
                .contains("activity.colour", "activity.schedule.start");
        ApiProblem unknown = refused.problems().stream().filter(p -> p.path().equals("activity.colour")).findFirst()
                .orElseThrow();
        assertThat(unknown.code()).isEqualTo("json.unknown-property");
        assertThat(unknown.line()).isEqualTo(3);
        assertThat(unknown.column()).isEqualTo(14 + sent.indexOf("\"colour\""));
        ApiProblem date = refused.problems().stream().filter(p -> p.path().equals("activity.schedule.start"))
                .findFirst().orElseThrow();
        assertThat(date.line()).isEqualTo(5);
        assertThat(date.message().in(Language.FR)).isNotEqualTo(date.message().in(Language.EN));
    }

    @Test
    void aPartnerOrEditionTheProgramDoesNotHaveIsReported() {
        String sent = WORKSHOP.replace("\"cs3r\"", "\"nobody\"").replace("jqsi-2021", "jqsi-1999");
        Refusal refused = catchThrowableOfType(Refusal.class, () -> READING.read(text(sent, 1, 1, false), SAMPLE));
        assertThat(refused.problems()).extracting(ApiProblem::path)
                .contains("activity.partners[0].partnerId", "activity.editionId");
    }

    @Test
    void mapsOnlyTheActivitysPaths() {
        assertThat(ActivityReading.activityPath("activities[0]")).isEqualTo("activity");
        assertThat(ActivityReading.activityPath("activities[0].title.fr")).isEqualTo("activity.title.fr");
        assertThat(ActivityReading.activityPath("activities[0][1]")).isEqualTo("activity[1]");
        assertThat(ActivityReading.activityPath("activities[01]")).isEqualTo("activities[01]");
        assertThat(ActivityReading.activityPath("editions[0]")).isEqualTo("editions[0]");
    }

    private static SubmissionRequest.ActivityText text(String json, int line, int column, boolean hasId) {
        return new SubmissionRequest.ActivityText(json, line, column, hasId, false, -1);
    }
}
