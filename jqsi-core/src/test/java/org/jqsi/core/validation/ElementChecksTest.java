package org.jqsi.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.program.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.junit.jupiter.api.Test;

class ElementChecksTest {

    /** A generated program with a blank title every 97th activity and a bad id every 389th: errors in many batches. */
    private static ProgramData withErrors() {
        ProgramData generated = GeneratedProgram.of(2_000, 7);
        List<Activity> activities = new ArrayList<>(generated.activities());
        for (int i = 0; i < activities.size(); i += 97) {
            activities.set(i, activities.get(i).toBuilder().title(LocalizedText.of(" ", "Débat")).build());
        }
        for (int i = 5; i < activities.size(); i += 389) {
            activities.set(i, activities.get(i).toBuilder().id("Pas Un Slug").build());
        }
        return new ProgramData(generated.editions(), generated.partners(), activities);
    }

    private static ElementChecks handOver(ProgramValidator validator, ProgramData program) {
        ElementChecks checks = validator.begin();
        for (int i = 0; i < program.editions().size(); i++) {
            checks.edition(i, program.editions().get(i));
        }
        for (int i = 0; i < program.partners().size(); i++) {
            checks.partner(i, program.partners().get(i));
        }
        for (int i = 0; i < program.activities().size(); i++) {
            checks.activity(i, program.activities().get(i));
        }
        return checks;
    }

    @Test
    void checkingWhileReadingFindsWhatValidatingAfterwardsFinds() {
        ProgramData program = withErrors();
        ValidationReport afterwards = new ProgramValidator().validate(program);

        ValidationReport whileReading = handOver(new ProgramValidator(), program).finish(program);

        assertThat(afterwards.errors()).hasSizeGreaterThan(20);
        assertThat(whileReading).isEqualTo(afterwards);
        assertThat(whileReading.errors()).extracting(Problem::where)
                .contains("activities[0].title.fr", "activities[970].title.fr", "activities[5].id");
    }

    @Test
    void theReportIsRememberedForTheSameProgram() {
        ProgramValidator validator = new ProgramValidator();
        ProgramData program = withErrors();
        ValidationReport report = handOver(validator, program).finish(program);

        assertThat(validator.validate(program)).isSameAs(report);
    }

    @Test
    void aProgramOtherThanTheElementsHandedOverIsValidatedAfresh() {
        ProgramData program = withErrors();
        List<Activity> reversed = new ArrayList<>(program.activities());
        java.util.Collections.reverse(reversed);
        ProgramData reordered = new ProgramData(program.editions(), program.partners(), reversed);
        ValidationReport expected = new ProgramValidator().validate(reordered);

        // Same objects, other indexes: the paths of the problems must be those of the program finished.
        assertThat(handOver(new ProgramValidator(), program).finish(reordered)).isEqualTo(expected);
        ProgramData shorter = new ProgramData(program.editions(), program.partners(),
                program.activities().subList(0, 1_000));
        assertThat(handOver(new ProgramValidator(), program).finish(shorter))
                .isEqualTo(new ProgramValidator().validate(shorter));
    }

    @Test
    void nothingHandedOverIsAnEmptyProgramsReport() {
        ProgramData empty = new ProgramData(List.of(), List.of(), List.of());
        assertThat(new ProgramValidator().begin().finish(empty)).isEqualTo(new ProgramValidator().validate(empty));
    }
}
