package org.jqsi.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Schedule;
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
        handOverEach(program.editions(), checks::edition);
        handOverEach(program.partners(), checks::partner);
        handOverEach(program.activities(), checks::activity);
        return checks;
    }

    /** Each element of a list with its index, in order. */
    private static <T> void handOverEach(List<T> elements, BiConsumer<Integer, T> handOver) {
        for (int i = 0; i < elements.size(); i++) {
            handOver.accept(i, elements.get(i));
        }
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

    /**
     * A generated program that breaks the rules across records in many batches: an id given twice, an unknown
     * edition, an unknown partner, an activity outside its edition, an edition whose coordinator is no partner and a
     * partner id given twice.
     */
    private static ProgramData breakingRulesAcrossRecords() {
        ProgramData generated = GeneratedProgram.of(2_000, 11);
        List<Activity> activities = new ArrayList<>(generated.activities());
        for (int i = 3; i < activities.size(); i += 101) {
            activities.set(i, activities.get(i).toBuilder().id(activities.get(i - 1).id()).build());
        }
        for (int i = 7; i < activities.size(); i += 211) {
            activities.set(i, activities.get(i).toBuilder().edition("jqsi-1999").build());
        }
        for (int i = 11; i < activities.size(); i += 307) {
            activities.set(i, activities.get(i).toBuilder().partner("personne", PartnerRole.ORGANIZER).build());
        }
        Activity first = activities.get(0);
        activities.set(0, first.toBuilder().schedule(Schedule.Timed.at(first.schedule().firstDay().orElseThrow()
                .minusYears(1).atTime(19, 0), ZoneId.of("America/Toronto"))).build());
        List<Edition> editions = new ArrayList<>(generated.editions());
        Edition e = editions.get(0);
        editions.set(0, new Edition(e.id(), e.number(), e.year(), e.start(), e.end(), e.theme(), e.format(),
                e.spokespersons(), "inconnu", e.regionalCoordinators()));
        List<Partner> partners = new ArrayList<>(generated.partners());
        partners.add(partners.get(0));
        return new ProgramData(editions, partners, activities);
    }

    @Test
    void theRulesAcrossRecordsAreFoundWhileReading() {
        ProgramData program = breakingRulesAcrossRecords();
        ValidationReport afterwards = new ProgramValidator().validate(program);

        ValidationReport whileReading = handOver(new ProgramValidator(), program).finish(program);

        assertThat(afterwards.problems()).extracting(Problem::code).contains("id.duplicate", "reference.edition",
                "reference.partner", "schedule.outside-edition");
        assertThat(afterwards.problems()).extracting(Problem::where).contains("activities[104].id",
                "activities[7].editionId", "activities[0].schedule", "editions[0].coordinatorId",
                "partners[" + (program.partners().size() - 1) + "].id");
        assertThat(whileReading).isEqualTo(afterwards);
    }

    @Test
    void partnersHandedOverAfterActivitiesAreRulesCheckedAfresh() {
        ProgramData program = breakingRulesAcrossRecords();
        ElementChecks checks = new ProgramValidator().begin();
        handOverEach(program.editions(), checks::edition);
        handOverEach(program.activities(), checks::activity);
        // Activities refer to partners not handed over yet: without checking again, every reference is unknown.
        handOverEach(program.partners(), checks::partner);

        assertThat(checks.finish(program)).isEqualTo(new ProgramValidator().validate(program));
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
