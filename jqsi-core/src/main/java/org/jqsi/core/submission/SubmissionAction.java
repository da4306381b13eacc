package org.jqsi.core.submission;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.LocalizedText;

/**
 * What someone does to a submission, each kept in its history. An action is allowed only from some states and leads
 * to one; {@link #allowedFrom(SubmissionState)} is the one place where those moves are decided.
 */
public enum SubmissionAction {
    /** The submitter proposes it: it is then pending. */
    SUBMIT(null, SubmissionState.PENDING, false, false),
    /** The submitter changes what they proposed, while it is open: it is pending again. */
    EDIT(EnumSet.of(SubmissionState.PENDING, SubmissionState.CHANGES_REQUESTED), SubmissionState.PENDING, false, false),
    /** The submitter takes it back while it is open. */
    WITHDRAW(EnumSet.of(SubmissionState.PENDING, SubmissionState.CHANGES_REQUESTED), SubmissionState.WITHDRAWN,
            false, false),
    /** A reviewer approves a pending one: its activity is published. */
    APPROVE(EnumSet.of(SubmissionState.PENDING), SubmissionState.APPROVED, true, false),
    /** A reviewer asks the submitter for changes, saying which in the note. */
    REQUEST_CHANGES(EnumSet.of(SubmissionState.PENDING), SubmissionState.CHANGES_REQUESTED, true, true),
    /** A reviewer refuses an open one, saying why in the note. */
    REFUSE(EnumSet.of(SubmissionState.PENDING, SubmissionState.CHANGES_REQUESTED), SubmissionState.REFUSED, true,
            true);

    private final Set<SubmissionState> from;
    private final SubmissionState to;
    private final boolean byReviewer;
    private final boolean needsNote;

    SubmissionAction(Set<SubmissionState> from, SubmissionState to, boolean byReviewer, boolean needsNote) {
        this.from = from == null ? EnumSet.noneOf(SubmissionState.class) : from;
        this.to = to;
        this.byReviewer = byReviewer;
        this.needsNote = needsNote;
    }

    /** Whether it can be done to a submission in this state ({@link #SUBMIT} to none: it makes one). */
    public boolean allowedFrom(SubmissionState state) {
        return from.contains(state);
    }

    /** The states it can be done from. */
    public Set<SubmissionState> from() {
        return EnumSet.copyOf(from.isEmpty() ? EnumSet.noneOf(SubmissionState.class) : from);
    }

    /** The state it leads to. */
    public SubmissionState leadsTo() {
        return to;
    }

    /** Whether a reviewer does it (a coordinator of the submission's region, an administrator), not the submitter. */
    public boolean byReviewer() {
        return byReviewer;
    }

    /** Whether it needs a note: a request for changes says which, a refusal says why. */
    public boolean needsNote() {
        return needsNote;
    }

    /** In words, as a verb: {@code approuver}, {@code approve}. */
    public LocalizedText displayName() {
        return JqsiMessageBundles.text("submission.action." + code());
    }

    /** As the API, the database and the command line write it: {@code approve}, {@code request-changes}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action of a code, {@link #code()}'s inverse. */
    public static Optional<SubmissionAction> ofCode(String code) {
        for (SubmissionAction action : values()) {
            if (action.code().equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
