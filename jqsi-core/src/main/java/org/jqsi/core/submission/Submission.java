package org.jqsi.core.submission;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Status;

/**
 * An activity proposed for the program, and where its review stands.
 *
 * <p>The activity is held as it would be published: for a {@link Kind#NEW} one, the activity proposed (its id chosen
 * by the submitter or given by jqsi); for a {@link Kind#CHANGE}, the published activity as the submitter would have
 * it; for a {@link Kind#CANCEL}, the published activity with the status {@link Status#CANCELLED}. It was valid, alone
 * and in the program, when it was submitted ({@link org.jqsi.core.validation.ProgramValidator}); approval checks it
 * again against the program as it is then.
 *
 * @param id the submission's id: public, short, for reviewers and the command line ({@code s-7k2xq9pm4d}); not the
 *     private key of its status page, which only its submitter knows
 * @param kind a new activity, or a change or cancellation of a published one
 * @param targetId for a change or a cancellation, the id of the published activity; {@code null} for a new one
 * @param activity the activity as it would be published
 * @param submitter who proposed it
 * @param state where it stands
 * @param history every action on it, oldest first; the first is {@link SubmissionAction#SUBMIT}
 */
public record Submission(String id, Kind kind, String targetId, Activity activity, Submitter submitter,
        SubmissionState state, List<SubmissionEvent> history) {

    /** What a submission proposes. */
    public enum Kind {
        /** An activity that is not in the program yet. */
        NEW,
        /** A change to an activity that an earlier approval published. */
        CHANGE,
        /** The cancellation of an activity that an earlier approval published. */
        CANCEL;

        /** As the API and the database write it: {@code new}, {@code change}, {@code cancel}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of a code, {@link #code()}'s inverse. */
        public static Optional<Kind> ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @throws IllegalArgumentException when the history is empty, does not start with its submission, or does not
     *     end in the submission's state; or when a change or cancellation has no target, or a new one has one
     */
    public Submission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
        if (history.isEmpty() || history.get(0).action() != SubmissionAction.SUBMIT) {
            throw new IllegalArgumentException("history: starts with the submission");
        }
        if (history.get(history.size() - 1).state() != state) {
            throw new IllegalArgumentException("history: ends in the state " + state);
        }
        if ((kind == Kind.NEW) != (targetId == null)) {
            throw new IllegalArgumentException("targetId: only a change or a cancellation has one");
        }
        if (targetId != null && !targetId.equals(activity.id())) {
            throw new IllegalArgumentException("activity: a change keeps its target's id " + targetId);
        }
    }

    /** The region whose coordinators review it: the activity's, {@code null} for a province-wide one. */
    public Region region() {
        return activity.region();
    }

    /** When it was submitted. */
    public Instant submittedAt() {
        return history.get(0).at();
    }

    /** When it last changed: its last action. */
    public Instant updatedAt() {
        return last().at();
    }

    /** The reviewer's last note (why it is refused, what to change), if the last review left one. */
    public Optional<String> reviewerNote() {
        for (int i = history.size() - 1; i >= 0; i--) {
            SubmissionEvent event = history.get(i);
            if (event.action().byReviewer()) {
                return Optional.ofNullable(event.note());
            }
        }
        return Optional.empty();
    }

    /**
     * Its version, for acting on it only as it was read: the number of actions in its history. A store refuses an
     * action made on an older version ({@link SubmissionConflictException}).
     */
    public int version() {
        return history.size();
    }

    private SubmissionEvent last() {
        return history.get(history.size() - 1);
    }
}
