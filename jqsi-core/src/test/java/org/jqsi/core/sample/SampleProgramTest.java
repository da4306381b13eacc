package org.jqsi.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.junit.jupiter.api.Test;

class SampleProgramTest {

    @Test
    void theSeedsProgramHasNoErrorAndWarnsOnlyAboutWhatTheArticlesLeaveOut() {
        ValidationReport report = new ProgramValidator().validate(SampleProgram.data());

        // The report is the message of a failure, not the console's every run.
        assertThat(report.errors()).as(report.format(Language.EN)).isEmpty();
        assertThat(report.warnings()).as(report.format(Language.EN)).extracting(Problem::where, Problem::code).contains(
                org.assertj.core.groups.Tuple.tuple("activities[4].schedule", "schedule.outside-edition"));
    }

    @Test
    void indexesIntoAProgram() {
        Program program = Program.of(SampleProgram.data());

        assertThat(program.activities()).hasSize(7);
        assertThat(program.version()).hasSize(20).isEqualTo(Program.of(SampleProgram.data()).version());
    }
}
