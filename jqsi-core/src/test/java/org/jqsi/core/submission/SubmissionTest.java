package org.jqsi.core.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Region;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    @Test
    void theMovesBetweenStatesAreThoseOfTheDesign() {
        // pending → approved / refused / changes-requested (→ pending again) / withdrawn; the final states stay.
        assertThat(SubmissionAction.APPROVE.from()).containsExactly(SubmissionState.PENDING);
        assertThat(SubmissionAction.REQUEST_CHANGES.from()).containsExactly(SubmissionState.PENDING);
        assertThat(SubmissionAction.REFUSE.from())
                .containsExactlyInAnyOrder(SubmissionState.PENDING, SubmissionState.CHANGES_REQUESTED);
        assertThat(SubmissionAction.EDIT.leadsTo()).isEqualTo(SubmissionState.PENDING);
        assertThat(SubmissionAction.WITHDRAW.from())
                .containsExactlyInAnyOrder(SubmissionState.PENDING, SubmissionState.CHANGES_REQUESTED);
        for (SubmissionState state : EnumSet.of(SubmissionState.APPROVED, SubmissionState.REFUSED,
                SubmissionState.WITHDRAWN)) {
            assertThat(state.isOpen()).isFalse();
            for (SubmissionAction action : SubmissionAction.values()) {
                assertThat(action.allowedFrom(state)).as(action + " from " + state).isFalse();
            }
        }
        assertThat(Set.of(SubmissionAction.values())).filteredOn(SubmissionAction::needsNote)
                .containsExactlyInAnyOrder(SubmissionAction.REQUEST_CHANGES, SubmissionAction.REFUSE);
    }

    @Test
    void codesAreTheApisAndReadBack() {
        for (SubmissionState state : SubmissionState.values()) {
            assertThat(SubmissionState.ofCode(state.code())).contains(state);
        }
        for (SubmissionAction action : SubmissionAction.values()) {
            assertThat(SubmissionAction.ofCode(action.code())).contains(action);
        }
        assertThat(SubmissionState.CHANGES_REQUESTED.code()).isEqualTo("changes-requested");
        assertThat(SubmissionAction.REQUEST_CHANGES.code()).isEqualTo("request-changes");
        assertThat(Submission.Kind.ofCode("cancel")).contains(Submission.Kind.CANCEL);
        assertThat(SubmissionState.ofCode("Pending")).isEmpty();
    }

    @Test
    void aSubmissionKnowsItsRegionNoteAndVersionFromItsHistory() {
        Instant t0 = Instant.parse("2021-10-01T14:00:00Z");
        Submission pending = PublishingTest.submission("s-1", Submission.Kind.NEW, PublishingTest.workshop("a"));
        Submission sentBack = new Submission("s-1", Submission.Kind.NEW, null, pending.activity(), pending.submitter(),
                SubmissionState.CHANGES_REQUESTED, List.of(pending.history().get(0),
                        new SubmissionEvent(t0.plusSeconds(60), "coord@cs3r.org", SubmissionAction.REQUEST_CHANGES,
                                SubmissionState.CHANGES_REQUESTED, "Précisez la salle.")));

        assertThat(pending.region()).isEqualTo(Region.MAURICIE);
        assertThat(pending.reviewerNote()).isEmpty();
        assertThat(pending.version()).isEqualTo(1);
        assertThat(sentBack.reviewerNote()).contains("Précisez la salle.");
        assertThat(sentBack.version()).isEqualTo(2);
        assertThat(sentBack.updatedAt()).isEqualTo(t0.plusSeconds(60));
        assertThatThrownBy(() -> new Submission("s-1", Submission.Kind.NEW, null, pending.activity(),
                pending.submitter(), SubmissionState.APPROVED, pending.history()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Submission("s-1", Submission.Kind.CHANGE, "autre", pending.activity(),
                pending.submitter(), SubmissionState.PENDING, pending.history()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conflictsSayWhyInBothLanguages() {
        Submission pending = PublishingTest.submission("s-1", Submission.Kind.NEW, PublishingTest.workshop("a"));
        SubmissionConflictException notAllowed = SubmissionConflictException.notAllowed(pending,
                SubmissionAction.APPROVE);
        assertThat(notAllowed.text().in(Language.FR))
                .isEqualTo("la proposition s-1 est « en attente » : l'action « approuver » n'y est plus possible");
        assertThat(notAllowed.getMessage())
                .isEqualTo("submission s-1 is \"pending\": \"approve\" is no longer possible");
        assertThat(SubmissionConflictException.actedMeanwhile(pending).text().in(Language.FR))
                .contains("submitter").contains("« en attente »");
        assertThat(SubmissionConflictException.notFound("s-x").reason())
                .isEqualTo(SubmissionConflictException.Reason.NOT_FOUND);
    }

    @Test
    void idsAreShortTheStatusKeyLongAndANewActivityIdIsASlugOfItsTitle() {
        SubmissionIds ids = new SubmissionIds(new SecureRandom());
        assertThat(ids.newId()).matches("s-[0-9a-hjkmnp-tv-z]{10}");
        String key = ids.newStatusKey();
        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(SubmissionIds.hashStatusKey(key)).matches("[0-9a-f]{64}").isNotEqualTo(key);
        assertThat(ids.activityId(LocalizedText.fr("Atelier : l'égalité, ça s'apprend !")))
                .matches("atelier-l-egalite-ca-s-apprend-[0-9a-z]{4}").matches(Ids.SLUG);
        assertThat(ids.activityId(LocalizedText.fr("«»"))).matches("activite-[0-9a-z]{4}");
        assertThat(ids.activityId(LocalizedText.fr("x".repeat(300)))).hasSize(Ids.MAX_LENGTH).matches(Ids.SLUG);
    }
}
