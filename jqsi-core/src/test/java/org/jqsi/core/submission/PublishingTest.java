package org.jqsi.core.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.junit.jupiter.api.Test;

class PublishingTest {

    private static final Instant SUBMITTED = Instant.parse("2021-10-01T14:00:00Z");
    private static final Instant APPROVED = Instant.parse("2021-10-02T15:30:00Z");
    private static final ProgramValidator VALIDATOR = new ProgramValidator();

    static Activity workshop(String id) {
        return Activity.builder(id).edition(SampleProgram.EDITION_2021).kind(ActivityKind.WORKSHOP)
                .title(LocalizedText.fr("Atelier sur le commerce équitable"))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 9, 18, 30), Region.EASTERN))
                .region(Region.MAURICIE).partner("cs3r", PartnerRole.ORGANIZER).build();
    }

    static Submission submission(String id, Submission.Kind kind, Activity activity) {
        return new Submission(id, kind, kind == Submission.Kind.NEW ? null : activity.id(), activity,
                new Submitter("Comité de solidarité/Trois-Rivières", "programme@example.org"), SubmissionState.PENDING,
                List.of(new SubmissionEvent(SUBMITTED, SubmissionEvent.SUBMITTER, SubmissionAction.SUBMIT,
                        SubmissionState.PENDING, null)));
    }

    @Test
    void aNewActivityIsPublishedOwnedByItsSubmissionAtRevisionZero() throws Exception {
        List<Activity> published = Publishing.approve(List.of(),
                submission("s-1", Submission.Kind.NEW, workshop("atelier-k3t9").toBuilder().revision(4).build()),
                APPROVED);

        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("atelier-k3t9");
            assertThat(a.origin()).isEqualTo(Origin.submission("s-1"));
            assertThat(a.origin().isSubmission()).isTrue();
            assertThat(a.revision()).isZero();
            assertThat(a.lastModified()).isEqualTo(APPROVED);
        });
    }

    @Test
    void aChangeReplacesThePublishedActivityAndRaisesItsRevisionOnlyWhenItsTimeOrStatusChanges() throws Exception {
        List<Activity> published = Publishing.approve(List.of(),
                submission("s-1", Submission.Kind.NEW, workshop("atelier")), SUBMITTED);

        Activity retitled = workshop("atelier").toBuilder().title(LocalizedText.fr("Atelier, nouveau titre")).build();
        List<Activity> afterTitle = Publishing.approve(published,
                submission("s-2", Submission.Kind.CHANGE, retitled), APPROVED);
        assertThat(afterTitle).singleElement().satisfies(a -> {
            assertThat(a.title().fr()).isEqualTo("Atelier, nouveau titre");
            assertThat(a.origin()).isEqualTo(Origin.submission("s-2"));
            assertThat(a.revision()).isZero();
        });

        Activity moved = retitled.toBuilder()
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 10, 18, 30), Region.EASTERN)).build();
        List<Activity> afterMove = Publishing.approve(afterTitle, submission("s-3", Submission.Kind.CHANGE, moved),
                APPROVED);
        assertThat(afterMove.get(0).revision()).isEqualTo(1);

        List<Activity> afterCancel = Publishing.approve(afterMove,
                submission("s-4", Submission.Kind.CANCEL, moved), APPROVED);
        assertThat(afterCancel).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.CANCELLED);
            assertThat(a.revision()).isEqualTo(2);
            assertThat(a.schedule()).isEqualTo(moved.schedule());
            assertThat(a.origin()).isEqualTo(Origin.submission("s-4"));
        });
    }

    @Test
    void onlyWhatApprovalsPublishedCanBeChangedAndAPublishedIdCannotBeTakenAgain() throws Exception {
        Activity fileOwned = SampleProgram.data().activities().get(0);
        assertThatThrownBy(() -> Publishing.approve(List.of(),
                submission("s-9", Submission.Kind.CHANGE, fileOwned), APPROVED))
                .isInstanceOfSatisfying(ApprovalRefusedException.class, e -> {
                    assertThat(e.report().errors()).extracting(Problem::code)
                            .containsExactly("submission.target-not-published");
                    assertThat(e.report().errors().get(0).message(Language.FR))
                            .contains("le fichier du programme, une source");
                });

        List<Activity> published = Publishing.approve(List.of(),
                submission("s-1", Submission.Kind.NEW, workshop("atelier")), APPROVED);
        assertThatThrownBy(() -> Publishing.approve(published,
                submission("s-2", Submission.Kind.NEW, workshop("atelier")), APPROVED))
                .isInstanceOfSatisfying(ApprovalRefusedException.class, e -> assertThat(e.report().errors())
                        .extracting(Problem::code).containsExactly("submission.id-published"));
    }

    @Test
    void composingLeavesOutOnlyThePublishedActivitiesThatTheProgramNoLongerAccepts() throws Exception {
        ProgramData base = SampleProgram.data();
        Activity good = workshop("atelier").toBuilder().origin(Origin.submission("s-1")).build();
        Activity takenId = workshop(SampleProgram.LOIN_DE_BACHAR).toBuilder().origin(Origin.submission("s-2")).build();
        Activity lostPartner = workshop("atelier-2").toBuilder().partners(List.of())
                .partner("partenaire-disparu", PartnerRole.ORGANIZER).origin(Origin.submission("s-3")).build();

        Publishing.Composition composition = Publishing.compose(base, List.of(good, takenId, lostPartner), VALIDATOR);

        assertThat(composition.report().hasErrors()).isFalse();
        assertThat(composition.program().activities()).hasSize(base.activities().size() + 1).endsWith(good);
        assertThat(composition.leftOut().keySet()).containsExactly(SampleProgram.LOIN_DE_BACHAR, "atelier-2");
        assertThat(composition.leftOut().get(SampleProgram.LOIN_DE_BACHAR)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("activity.id");
            assertThat(p.message(Language.FR)).contains("le fichier du programme");
        });
        assertThat(composition.leftOut().get("atelier-2")).allSatisfy(p ->
                assertThat(p.where()).startsWith("activity.partners"));
    }

    @Test
    void anApprovalIsCheckedAgainstTheProgramItWouldJoin() throws Exception {
        PublicationCheck check = Publishing.checkAgainst(SampleProgram.data(), VALIDATOR);
        List<Activity> published = new ArrayList<>();
        published.add(workshop("atelier").toBuilder().origin(Origin.submission("s-1")).build());

        assertThat(check.check(published, published.get(0)).hasErrors()).isFalse();

        Activity clash = workshop(SampleProgram.DHEEPAN).toBuilder().origin(Origin.submission("s-2")).build();
        published.add(clash);
        ValidationReport report = check.check(published, clash);
        assertThat(report.errors()).extracting(Problem::code).containsExactly("submission.id-taken");
    }
}
