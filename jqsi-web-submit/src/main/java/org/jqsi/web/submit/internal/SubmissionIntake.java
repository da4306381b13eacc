package org.jqsi.web.submit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.Program;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionConflictException;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionIds;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramReader;

/**
 * Takes a submission in: reads its body ({@link SubmissionRequest}), checks its submitter ({@link SubmitterCheck}) and
 * its activity in the program served ({@link ActivityReading}), checks what it changes or cancels, and keeps it in
 * the store, pending. Every problem found is reported at once; nothing is kept unless there is none. The form of the
 * review issue takes submissions in through the same steps. Thread-safe.
 */
public final class SubmissionIntake {

    /** How many ids to draw for an activity sent without one before giving up on a title whose ids are all taken. */
    private static final int ID_ATTEMPTS = 8;

    private final SubmissionStore store;
    private final Supplier<Program> served;
    private final SubmissionIds ids;
    private final Clock clock;
    private final SubmitterCheck submitters = new SubmitterCheck();
    private final ActivityReading activities;

    /**
     * @param store where submissions are kept
     * @param served the program served now, read once per submission
     * @param validator checks the activity in that program
     * @param ids makes the ids of activities sent without one
     * @param clock when a submission is made, for its history
     */
    public SubmissionIntake(SubmissionStore store, Supplier<Program> served, ProgramValidator validator,
            SubmissionIds ids, Clock clock) {
        this.store = store;
        this.served = served;
        this.ids = ids;
        this.clock = clock;
        this.activities = new ActivityReading(new ProgramReader(validator));
    }

    /**
     * Reads, checks and keeps a submission.
     *
     * @param body the request's body, as text
     * @return the submission kept, and the key of its status page
     * @throws Refusal {@code 400} for a body that is not JSON, {@code 422} with every problem found
     */
    public SubmissionStore.Created submit(String body) throws Refusal {
        SubmissionRequest request = SubmissionRequest.read(body);
        List<ApiProblem> problems = new ArrayList<>(submitters.check(request.organisation(), request.email()));
        Program program = served.get();
        String targetPath = request.kind() == Submission.Kind.CANCEL ? "cancels" : "changes";
        Activity published = null;
        if (request.targetId() != null) {
            published = target(program, request.targetId(), targetPath, problems);
        }
        Activity activity = null;
        if (request.kind() == Submission.Kind.CANCEL) {
            activity = published == null ? null : published.toBuilder().status(Status.CANCELLED).build();
        } else {
            try {
                activity = activities.read(request.activity(), program);
            } catch (Refusal refused) {
                problems.addAll(refused.problems());
            }
        }
        if (activity != null && request.kind() == Submission.Kind.NEW) {
            activity = withNewId(activity, request.activity().hasId(), program, problems);
        } else if (activity != null && request.kind() == Submission.Kind.CHANGE) {
            if (!request.activity().hasId()) {
                activity = activity.toBuilder().id(request.targetId()).build();
            } else if (!activity.id().equals(request.targetId())) {
                problems.add(ApiProblem.at("activity.id", "submission.change-keeps-id",
                        SubmitMessages.text("submission.change-keeps-id", activity.id(), request.targetId())));
            }
        }
        if (!problems.isEmpty() || activity == null) {
            throw new Refusal(422, problems);
        }
        Submitter submitter = new Submitter(request.organisation().strip(), request.email().strip());
        return store.submit(request.kind(), request.targetId(), activity, submitter, clock.instant());
    }

    /**
     * Reads and checks an edit of a submission by its submitter, made through the form, and keeps it: the activity is
     * read and checked as a new one would be, and keeps the id it had (for a change, the published activity's).
     *
     * @param body the request's body, as {@link #submit} takes it (its submitter is the submission's)
     * @param current the submission as it is kept now
     * @param version the version the submitter saw ({@link Submission#version()})
     * @return the submission, pending again
     * @throws Refusal {@code 422} with every problem found; nothing is changed
     * @throws SubmissionConflictException when it is no longer open, or was acted on since that version
     */
    public Submission edit(String body, Submission current, int version)
            throws Refusal, SubmissionConflictException {
        SubmissionRequest request = SubmissionRequest.read(body);
        List<ApiProblem> problems = new ArrayList<>(submitters.check(request.organisation(), request.email()));
        Program program = served.get();
        String id = current.activity().id();
        if (current.kind() == Submission.Kind.CHANGE) {
            target(program, current.targetId(), "changes", problems);
        } else if (current.kind() == Submission.Kind.NEW) {
            Optional<Activity> other = program.activity(id);
            if (other.isPresent()) {
                problems.add(ApiProblem.at("activity.id", "submission.id-taken",
                        SubmitMessages.text("submission.id-taken", id, owner(other.get()))));
            }
        }
        Activity activity = null;
        if (current.kind() == Submission.Kind.CANCEL) {
            problems.add(ApiProblem.at("", "submission.cancel-has-activity",
                    SubmitMessages.text("submission.cancel-has-activity")));
        } else if (request.activity() == null) {
            problems.add(ApiProblem.at("activity", "json.missing", SubmitMessages.text("request.empty")));
        } else {
            try {
                activity = activities.read(request.activity(), program).toBuilder().id(id).build();
            } catch (Refusal refused) {
                problems.addAll(refused.problems());
            }
        }
        if (!problems.isEmpty() || activity == null) {
            throw new Refusal(422, problems);
        }
        return store.act(current.id(), version, SubmissionAction.EDIT, SubmissionEvent.SUBMITTER, null, activity,
                clock.instant());
    }

    /** The published activity a change or cancellation is about, if an approved submission published it. */
    private static Activity target(Program program, String targetId, String path, List<ApiProblem> problems) {
        Optional<Activity> found = program.activity(targetId);
        if (found.isEmpty()) {
            problems.add(ApiProblem.at(path, "submission.target-unknown",
                    SubmitMessages.text("submission.target-unknown", targetId)));
            return null;
        }
        Activity published = found.get();
        if (!published.origin().isSubmission()) {
            problems.add(ApiProblem.at(path, "submission.target-not-submitted",
                    SubmitMessages.text("submission.target-not-submitted", targetId, owner(published))));
            return null;
        }
        return published;
    }

    /** A new activity's id: its own if the program has no activity of that id, else a problem; or one made. */
    private Activity withNewId(Activity activity, boolean sentWithId, Program program, List<ApiProblem> problems) {
        if (sentWithId) {
            Optional<Activity> other = program.activity(activity.id());
            if (other.isPresent()) {
                problems.add(ApiProblem.at("activity.id", "submission.id-taken",
                        SubmitMessages.text("submission.id-taken", activity.id(), owner(other.get()))));
            }
            return activity;
        }
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            String id = ids.activityId(activity.title());
            if (program.activity(id).isEmpty()) {
                return activity.toBuilder().id(id).build();
            }
        }
        problems.add(ApiProblem.at("activity.id", "submission.id-exhausted",
                SubmitMessages.text("submission.id-exhausted")));
        return activity;
    }

    /** Who owns a published activity, in words: the program file, a source, a submission. */
    private static LocalizedText owner(Activity activity) {
        return LocalizedText.of(activity.origin().describeOwner(Language.FR),
                activity.origin().describeOwner(Language.EN));
    }
}
