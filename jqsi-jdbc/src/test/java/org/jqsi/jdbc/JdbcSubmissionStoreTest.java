package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jqsi.jdbc.Proposals.AGAINST_SAMPLE;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.REVIEWED;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Status;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.ApprovalRefusedException;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionConflictException;
import org.jqsi.core.submission.SubmissionConflictException.Reason;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionIds;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's contract ({@link SubmissionStore}'s Javadoc), on each database for real. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class JdbcSubmissionStoreTest extends OnEachDatabase {

    private Database database;
    private SubmissionStore store;

    @BeforeEach
    void open() {
        database = fresh.open();
        store = database.submissions();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSubmissionIsKeptPendingWithItsHistoryAndFoundByIdAndByItsStatusKeyOnly() {
        Instant at = Instant.parse("2021-10-01T14:00:00.123456789Z");
        SubmissionStore.Created created = store.submit(Submission.Kind.NEW, null, workshop("atelier-k3t9"), CS3R, at);
        Submission submission = created.submission();

        assertThat(submission.id()).matches("s-[0-9a-z]{10}");
        assertThat(created.statusKey()).hasSize(43);
        assertThat(submission.state()).isEqualTo(SubmissionState.PENDING);
        assertThat(submission.version()).isEqualTo(1);
        assertThat(submission.submittedAt()).as("kept to the millisecond")
                .isEqualTo(Instant.parse("2021-10-01T14:00:00.123Z"));
        assertThat(store.find(submission.id())).contains(submission);
        assertThat(store.findByStatusKey(created.statusKey())).contains(submission);
        assertThat(store.findByStatusKey(created.statusKey() + "x")).isEmpty();
        assertThat(store.find("s-0000000000")).isEmpty();

        String hash = SubmissionIds.hashStatusKey(created.statusKey());
        List<String> kept = database.submissions() == store ? keptStatusKeyColumn() : List.of();
        assertThat(kept).as("only the key's hash is kept").containsExactly(hash);
    }

    private List<String> keptStatusKeyColumn() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT status_key_hash FROM submissions")
                .mapTo(String.class).list());
    }

    @Test
    void everyStateChangeIsKeptInTheHistoryWithWhoWhenAndTheNote() throws Exception {
        Submission submitted = submit("atelier-1");
        Instant asked = SUBMITTED.plusSeconds(60);
        Submission changesRequested = store.act(submitted.id(), 1, SubmissionAction.REQUEST_CHANGES,
                "coordination@cs3r.org", "Précisez le lieu.", null, asked);
        Activity edited = workshop("atelier-1").toBuilder()
                .title(LocalizedText.of("Atelier : commerce équitable au Cap", "Fair trade workshop")).build();
        Submission resubmitted = store.act(submitted.id(), 2, SubmissionAction.EDIT, SubmissionEvent.SUBMITTER, null,
                edited, asked.plusSeconds(60));
        Submission refused = store.act(submitted.id(), 3, SubmissionAction.REFUSE, "cli:marie", "Hors programme.",
                null, REVIEWED);

        assertThat(changesRequested.state()).isEqualTo(SubmissionState.CHANGES_REQUESTED);
        assertThat(changesRequested.reviewerNote()).contains("Précisez le lieu.");
        assertThat(resubmitted.state()).isEqualTo(SubmissionState.PENDING);
        assertThat(resubmitted.activity()).isEqualTo(edited);
        assertThat(refused.state()).isEqualTo(SubmissionState.REFUSED);

        Submission read = store.find(submitted.id()).orElseThrow();
        assertThat(read).isEqualTo(refused);
        assertThat(read.history()).extracting(SubmissionEvent::action, SubmissionEvent::state,
                        SubmissionEvent::actor, SubmissionEvent::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubmissionAction.SUBMIT, SubmissionState.PENDING,
                                SubmissionEvent.SUBMITTER, null),
                        org.assertj.core.groups.Tuple.tuple(SubmissionAction.REQUEST_CHANGES,
                                SubmissionState.CHANGES_REQUESTED, "coordination@cs3r.org", "Précisez le lieu."),
                        org.assertj.core.groups.Tuple.tuple(SubmissionAction.EDIT, SubmissionState.PENDING,
                                SubmissionEvent.SUBMITTER, null),
                        org.assertj.core.groups.Tuple.tuple(SubmissionAction.REFUSE, SubmissionState.REFUSED,
                                "cli:marie", "Hors programme."));
        assertThat(read.history()).extracting(SubmissionEvent::at)
                .containsExactly(SUBMITTED, asked, asked.plusSeconds(60), REVIEWED);
        assertThat(read.activity().title().fr()).isEqualTo("Atelier : commerce équitable au Cap");
        assertThat(read.version()).isEqualTo(4);
        assertThat(store.publication()).isEqualTo(Publication.EMPTY);
    }

    @Test
    void aSubmitterWithdrawsAnOpenSubmission() throws Exception {
        Submission submitted = submit("atelier-1");
        Submission withdrawn = store.act(submitted.id(), 1, SubmissionAction.WITHDRAW, SubmissionEvent.SUBMITTER,
                null, null, REVIEWED);

        assertThat(withdrawn.state()).isEqualTo(SubmissionState.WITHDRAWN);
        assertThat(store.find(submitted.id())).contains(withdrawn);
    }

    @Test
    void aMoveNotAllowedFromItsStateChangesNothingAndSaysWhy() throws Exception {
        Submission submitted = submit("atelier-1");
        Submission refused = store.act(submitted.id(), 1, SubmissionAction.REFUSE, "cli:marie", "Non.", null,
                REVIEWED);

        for (SubmissionAction action : List.of(SubmissionAction.WITHDRAW, SubmissionAction.REQUEST_CHANGES,
                SubmissionAction.REFUSE)) {
            assertThatThrownBy(() -> store.act(submitted.id(), 2, action, "cli:marie", "Note.", null, REVIEWED))
                    .isInstanceOfSatisfying(SubmissionConflictException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
                        assertThat(e.current()).isEqualTo(refused);
                        assertThat(e.text().in(Language.FR)).contains("refusée");
                    });
        }
        assertThatThrownBy(() -> store.approve(submitted.id(), 2, "cli:marie", null, REVIEWED, AGAINST_SAMPLE))
                .isInstanceOfSatisfying(SubmissionConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
        assertThat(store.find(submitted.id())).contains(refused);
        assertThat(store.publication()).isEqualTo(Publication.EMPTY);
    }

    @Test
    void changesAreRequestedOnlyOfAPendingSubmission() throws Exception {
        Submission submitted = submit("atelier-1");
        store.act(submitted.id(), 1, SubmissionAction.REQUEST_CHANGES, "cli:marie", "Le lieu ?", null, REVIEWED);

        assertThatThrownBy(() -> store.act(submitted.id(), 2, SubmissionAction.REQUEST_CHANGES, "cli:marie",
                "Encore ?", null, REVIEWED))
                .isInstanceOfSatisfying(SubmissionConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
        assertThatThrownBy(() -> store.approve(submitted.id(), 2, "cli:marie", null, REVIEWED, AGAINST_SAMPLE))
                .as("approved only once pending again")
                .isInstanceOfSatisfying(SubmissionConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
    }

    @Test
    void aRefusalAndARequestForChangesNeedANote() throws Exception {
        Submission submitted = submit("atelier-1");

        for (SubmissionAction action : List.of(SubmissionAction.REFUSE, SubmissionAction.REQUEST_CHANGES)) {
            for (String note : new String[] {null, "  "}) {
                assertThatThrownBy(() -> store.act(submitted.id(), 1, action, "cli:marie", note, null, REVIEWED))
                        .isInstanceOfSatisfying(SubmissionConflictException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.NOTE_REQUIRED));
            }
        }
        assertThat(store.find(submitted.id())).contains(submitted);
    }

    @Test
    void anActionOnAnOldVersionOrAMissingSubmissionChangesNothing() throws Exception {
        Submission submitted = submit("atelier-1");
        Submission asked = store.act(submitted.id(), 1, SubmissionAction.REQUEST_CHANGES, "a@cs3r.org", "Le lieu ?",
                null, REVIEWED);

        assertThatThrownBy(() -> store.act(submitted.id(), 1, SubmissionAction.REFUSE, "b@cs3r.org", "Non.", null,
                REVIEWED))
                .isInstanceOfSatisfying(SubmissionConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ACTED_MEANWHILE);
                    assertThat(e.current()).isEqualTo(asked);
                });
        assertThatThrownBy(() -> store.act("s-0000000000", 1, SubmissionAction.WITHDRAW, "submitter", null, null,
                REVIEWED))
                .isInstanceOfSatisfying(SubmissionConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(store.find(submitted.id())).contains(asked);
    }

    @Test
    void approvingPublishesTheActivityOwnedByTheSubmissionAndRaisesTheRevision() throws Exception {
        Submission submitted = submit("atelier-1");
        Submission approved = store.approve(submitted.id(), 1, "cli:marie", "Bienvenue.", REVIEWED, AGAINST_SAMPLE);

        assertThat(approved.state()).isEqualTo(SubmissionState.APPROVED);
        assertThat(approved.history().get(1).note()).isEqualTo("Bienvenue.");
        assertThat(store.find(submitted.id())).contains(approved);
        Publication publication = store.publication();
        assertThat(publication.revision()).isEqualTo(1);
        assertThat(store.publicationRevision()).isEqualTo(1);
        assertThat(publication.activities()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("atelier-1");
            assertThat(a.origin()).isEqualTo(Origin.submission(submitted.id()));
            assertThat(a.lastModified()).isEqualTo(REVIEWED);
            assertThat(a.title()).isEqualTo(submitted.activity().title());
        });
    }

    @Test
    void changesAndCancellationsReplaceThePublishedActivityInItsPlace() throws Exception {
        approve(submit("atelier-1"));
        approve(submit("atelier-2"));
        Activity retitled = workshop("atelier-1").toBuilder()
                .title(LocalizedText.of("Atelier, nouveau titre", "Workshop, new title")).build();
        Submission change = store.submit(Submission.Kind.CHANGE, "atelier-1", retitled, CS3R, SUBMITTED).submission();
        approve(change);
        Activity cancelled = workshop("atelier-2").toBuilder().status(Status.CANCELLED).build();
        Submission cancel = store.submit(Submission.Kind.CANCEL, "atelier-2", cancelled, CS3R, SUBMITTED)
                .submission();
        approve(cancel);

        Publication publication = store.publication();
        assertThat(publication.revision()).isEqualTo(4);
        assertThat(publication.activities()).extracting(Activity::id).containsExactly("atelier-1", "atelier-2");
        assertThat(publication.activities().get(0).title().fr()).isEqualTo("Atelier, nouveau titre");
        assertThat(publication.activities().get(0).origin()).isEqualTo(Origin.submission(change.id()));
        assertThat(publication.activities().get(1).status()).isEqualTo(Status.CANCELLED);
        assertThat(publication.activities().get(1).revision()).isEqualTo(1);
        assertThat(publication.activities().get(1).origin()).isEqualTo(Origin.submission(cancel.id()));
    }

    @Test
    void anApprovalThatWouldMakeTheProgramInvalidIsRefusedAndChangesNothing() throws Exception {
        approve(submit("atelier-1"));
        Publication before = store.publication();
        Submission sameId = submit("atelier-1");
        Submission clash = submit(SampleProgram.DHEEPAN);
        Submission unknownTarget = store.submit(Submission.Kind.CHANGE, "nulle-part", workshop("nulle-part"), CS3R,
                SUBMITTED).submission();

        for (Submission refused : List.of(sameId, clash, unknownTarget)) {
            assertThatThrownBy(() -> store.approve(refused.id(), 1, "cli:marie", null, REVIEWED, AGAINST_SAMPLE))
                    .isInstanceOfSatisfying(ApprovalRefusedException.class, e -> {
                        assertThat(e.submissionId()).isEqualTo(refused.id());
                        assertThat(e.report().hasErrors()).isTrue();
                    });
            assertThat(store.find(refused.id())).as("still pending").contains(refused);
        }
        assertThat(store.publication()).isEqualTo(before);
    }

    @Test
    void aCheckThatFindsAnErrorRefusesTheApprovalAfterEverythingElseWasWritten() throws Exception {
        Submission submitted = submit("atelier-1");
        ValidationReport problems = AGAINST_SAMPLE.check(List.of(workshop(SampleProgram.DHEEPAN)),
                workshop(SampleProgram.DHEEPAN));
        assertThat(problems.hasErrors()).as("a check that finds an error").isTrue();

        assertThatThrownBy(() -> store.approve(submitted.id(), 1, "cli:marie", null, REVIEWED,
                (published, approved) -> problems))
                .isInstanceOfSatisfying(ApprovalRefusedException.class,
                        e -> assertThat(e.report()).isEqualTo(problems));
        assertThat(store.find(submitted.id())).contains(submitted);
        assertThat(store.publication()).isEqualTo(Publication.EMPTY);
    }

    @Test
    void listsByStateAndRegionNewestFirst() throws Exception {
        Submission first = store.submit(Submission.Kind.NEW, null, workshop("a-1", Region.MAURICIE), CS3R, SUBMITTED)
                .submission();
        Submission second = store.submit(Submission.Kind.NEW, null, workshop("a-2", Region.MONTREAL), CS3R,
                SUBMITTED.plusSeconds(1)).submission();
        Submission third = store.submit(Submission.Kind.NEW, null, workshop("a-3", null), CS3R,
                SUBMITTED.plusSeconds(2)).submission();
        Submission refused = store.act(second.id(), 1, SubmissionAction.REFUSE, "cli:marie", "Non.", null, REVIEWED);

        assertThat(store.list(SubmissionFilter.ALL)).containsExactly(third, refused, first);
        assertThat(store.list(SubmissionFilter.ALL.inState(SubmissionState.PENDING))).containsExactly(third, first);
        assertThat(store.list(SubmissionFilter.ALL.inRegions(Set.of(Region.MAURICIE, Region.MONTREAL))))
                .containsExactly(refused, first);
        assertThat(store.list(new SubmissionFilter(Set.of(), Set.of(Region.MAURICIE), true, 10)))
                .containsExactly(third, first);
        assertThat(store.list(new SubmissionFilter(Set.of(SubmissionState.PENDING), Set.of(), true, 1)))
                .containsExactly(third);
        assertThat(store.list(SubmissionFilter.ALL.inState(SubmissionState.APPROVED))).isEmpty();
    }

    @Test
    void concurrentApprovalsOfOneSubmissionFromSeveralThreads_oneWinsTheOthersAreTold() throws Exception {
        Submission submitted = submit("atelier-1");
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Submission>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String actor = "reviewer-" + i + "@example.org";
                Callable<Submission> approval = () -> {
                    start.await();
                    return store.approve(submitted.id(), 1, actor, null, REVIEWED, AGAINST_SAMPLE);
                };
                results.add(pool.submit(approval));
            }
            start.countDown();
            List<Submission> won = new ArrayList<>();
            List<SubmissionConflictException> told = new ArrayList<>();
            for (Future<Submission> result : results) {
                try {
                    won.add(result.get(2, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SubmissionConflictException.class);
                    told.add((SubmissionConflictException) e.getCause());
                }
            }
            assertThat(won).hasSize(1);
            assertThat(told).hasSize(threads - 1).allSatisfy(e -> {
                assertThat(e.reason()).isEqualTo(Reason.ACTED_MEANWHILE);
                assertThat(e.current()).isEqualTo(won.get(0));
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.publication().revision()).isEqualTo(1);
        assertThat(store.publication().activities()).hasSize(1);
        assertThat(store.find(submitted.id()).orElseThrow().history()).hasSize(2);
    }

    @Test
    void twoProcessesOnOneDatabaseSeeEachOthersActions() throws Exception {
        try (Database other = fresh.open()) {
            SubmissionStore elsewhere = other.submissions();
            Submission submitted = submit("atelier-1");
            Submission seen = elsewhere.find(submitted.id()).orElseThrow();
            assertThat(seen).isEqualTo(submitted);

            store.approve(submitted.id(), 1, "a@example.org", null, REVIEWED, AGAINST_SAMPLE);
            assertThatThrownBy(() -> elsewhere.approve(submitted.id(), seen.version(), "b@example.org", null,
                    REVIEWED, AGAINST_SAMPLE))
                    .isInstanceOfSatisfying(SubmissionConflictException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ACTED_MEANWHILE));
            assertThat(elsewhere.publication()).isEqualTo(store.publication());

            Submission second = elsewhere.submit(Submission.Kind.NEW, null, workshop("atelier-2"), CS3R, SUBMITTED)
                    .submission();
            assertThat(store.find(second.id())).contains(second);
        }
    }

    @Test
    void concurrentApprovalsOfDifferentSubmissionsFromTwoProcessesAreAllPublished() throws Exception {
        List<Submission> submitted = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            submitted.add(submit("atelier-" + i));
        }
        try (Database other = fresh.open()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Submission>> results = new ArrayList<>();
                for (int i = 0; i < submitted.size(); i++) {
                    SubmissionStore by = i % 2 == 0 ? store : other.submissions();
                    Submission s = submitted.get(i);
                    results.add(pool.submit(() -> by.approve(s.id(), 1, "cli:marie", null, REVIEWED,
                            AGAINST_SAMPLE)));
                }
                for (Future<Submission> result : results) {
                    assertThat(result.get(2, TimeUnit.MINUTES).state()).isEqualTo(SubmissionState.APPROVED);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Publication publication = store.publication();
        assertThat(publication.revision()).isEqualTo(8);
        assertThat(publication.activities()).extracting(Activity::id)
                .containsExactlyInAnyOrderElementsOf(submitted.stream().map(s -> s.activity().id()).toList());
    }

    private Submission submit(String activityId) {
        return store.submit(Submission.Kind.NEW, null, workshop(activityId), CS3R, SUBMITTED).submission();
    }

    private Submission approve(Submission submission) throws Exception {
        return store.approve(submission.id(), submission.version(), "cli:marie", null, REVIEWED, AGAINST_SAMPLE);
    }
}
