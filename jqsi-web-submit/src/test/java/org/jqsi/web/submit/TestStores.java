package org.jqsi.web.submit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.PublicationCheck;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.submission.Submitter;

/** TEMPORARY until jqsi-jdbc lands: a store that holds nothing, for the refusals that never reach one. */
final class TestStores {

    private TestStores() {
    }

    static SubmissionStore open() {
        return new SubmissionStore() {
            @Override
            public Created submit(Submission.Kind kind, String targetId, Activity activity, Submitter submitter,
                    Instant at) {
                throw new AssertionError("nothing is kept before jqsi-jdbc");
            }

            @Override
            public Optional<Submission> find(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<Submission> findByStatusKey(String statusKey) {
                return Optional.empty();
            }

            @Override
            public List<Submission> list(SubmissionFilter filter) {
                return List.of();
            }

            @Override
            public Submission act(String id, int version, SubmissionAction action, String actor, String note,
                    Activity edited, Instant at) {
                throw new AssertionError();
            }

            @Override
            public Submission approve(String id, int version, String actor, String note, Instant at,
                    PublicationCheck check) {
                throw new AssertionError();
            }

            @Override
            public Publication publication() {
                return Publication.EMPTY;
            }

            @Override
            public long publicationRevision() {
                return 0;
            }
        };
    }

    static void close(SubmissionStore store) {
    }
}
