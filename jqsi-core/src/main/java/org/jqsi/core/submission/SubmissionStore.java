package org.jqsi.core.submission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jqsi.core.model.Activity;

/**
 * Where submissions, their history and what their approvals publish are kept. Every method is one transaction: what
 * it changes is all changed or not at all, whoever else acts at the same moment, in this process or another
 * ({@code jqsi-jdbc} keeps them in an embedded database or in PostgreSQL, shared by several servers).
 *
 * <p>Actions are made on a version ({@link Submission#version()}): when someone acted since it was read, nothing is
 * changed and the caller is told ({@link SubmissionConflictException.Reason#ACTED_MEANWHILE}), so that of two reviewers
 * approving the same submission at once, one wins and the other learns it.
 *
 * <p>Implementations are thread-safe.
 */
public interface SubmissionStore {

    /**
     * What {@link #submit} made: the submission, and the private key of its status page, which the store keeps only as
     * a hash (SHA-256): it is given once, here.
     *
     * @param submission the new submission, pending
     * @param statusKey 43 URL-safe characters (256 random bits): whoever has it may follow, edit and withdraw it
     */
    record Created(Submission submission, String statusKey) {
    }

    /**
     * Keeps a new submission, pending, with a new id and status key.
     *
     * @param kind new, change or cancellation
     * @param targetId the published activity changed or cancelled; {@code null} for a new one
     * @param activity the activity as it would be published, already valid in the program
     * @param at when, for its history
     */
    Created submit(Submission.Kind kind, String targetId, Activity activity, Submitter submitter, Instant at);

    /** The submission of an id. */
    Optional<Submission> find(String id);

    /** The submission whose status page this key opens; nothing for a key that opens none. */
    Optional<Submission> findByStatusKey(String statusKey);

    /** The submissions wanted, newest first. */
    List<Submission> list(SubmissionFilter filter);

    /**
     * Does an action other than approval ({@link SubmissionAction#EDIT}, {@link SubmissionAction#WITHDRAW},
     * {@link SubmissionAction#REQUEST_CHANGES}, {@link SubmissionAction#REFUSE}) and adds it to the history.
     *
     * @param version the version the actor saw ({@link Submission#version()})
     * @param edited for {@link SubmissionAction#EDIT}, the activity as now proposed (already valid); else {@code null}
     * @return the submission as it now stands
     * @throws SubmissionConflictException when there is no such submission, someone acted since that version, the
     *     action is not allowed in its state, or it needs a note and has none; nothing is changed
     * @throws IllegalArgumentException for {@link SubmissionAction#APPROVE} or {@link SubmissionAction#SUBMIT}
     */
    Submission act(String id, int version, SubmissionAction action, String actor, String note, Activity edited,
            Instant at) throws SubmissionConflictException;

    /**
     * Approves a pending submission and publishes its activity, in one transaction with every other approval queued
     * behind it: {@code check} is given what would then be published ({@link Publishing#approve}), and its errors
     * refuse the approval.
     *
     * @return the submission, approved
     * @throws SubmissionConflictException as {@link #act}
     * @throws ApprovalRefusedException when publishing it would make the program invalid, or it changes an activity
     *     that approvals did not publish; it stays pending
     */
    Submission approve(String id, int version, String actor, String note, Instant at, PublicationCheck check)
            throws SubmissionConflictException, ApprovalRefusedException;

    /** What approvals have published, as of the last one. */
    Publication publication();

    /** The revision of the publication: cheaper than {@link #publication()} to learn whether anything changed. */
    long publicationRevision();
}
