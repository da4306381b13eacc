package org.jqsi.core.submission;

import java.util.Objects;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * An action that cannot be done on a submission as it now stands: another reviewer acted first, the action is not
 * allowed in its state, or it needs a note. Nothing was changed. The message says why in French and English.
 */
public final class SubmissionConflictException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the action was not done. */
    public enum Reason {
        /** No submission has that id. */
        NOT_FOUND,
        /** Someone acted on it since it was read: its state is now {@link #current()}'s. */
        ACTED_MEANWHILE,
        /** The action is not allowed in its state. */
        NOT_ALLOWED,
        /** The action needs a note. */
        NOTE_REQUIRED
    }

    private final Reason reason;
    private final transient Submission current;
    private final LocalizedText text;

    private SubmissionConflictException(Reason reason, Submission current, LocalizedText text) {
        super(text.in(Language.EN));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.current = current;
        this.text = text;
    }

    /** No submission of that id. */
    public static SubmissionConflictException notFound(String id) {
        return new SubmissionConflictException(Reason.NOT_FOUND, null,
                JqsiMessageBundles.text("submission.not-found", id));
    }

    /** Someone acted on it since it was read at {@code readVersion}. */
    public static SubmissionConflictException actedMeanwhile(Submission current) {
        SubmissionEvent last = current.history().get(current.history().size() - 1);
        return new SubmissionConflictException(Reason.ACTED_MEANWHILE, current,
                JqsiMessageBundles.text("submission.acted-meanwhile", current.id(), last.actor(),
                        current.state().displayName()));
    }

    /** The action is not allowed in its state. */
    public static SubmissionConflictException notAllowed(Submission current, SubmissionAction action) {
        return new SubmissionConflictException(Reason.NOT_ALLOWED, current,
                JqsiMessageBundles.text("submission.not-allowed", current.id(), action.displayName(),
                        current.state().displayName()));
    }

    /** The action needs a note. */
    public static SubmissionConflictException noteRequired(Submission current, SubmissionAction action) {
        return new SubmissionConflictException(Reason.NOTE_REQUIRED, current,
                JqsiMessageBundles.text("submission.note-required", action.displayName()));
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** The submission as it now stands; {@code null} when there is none. */
    public Submission current() {
        return current;
    }

    /** Why, in French and English. */
    public LocalizedText text() {
        return text;
    }

}
