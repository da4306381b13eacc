package org.jqsi.core.submission;

import java.util.Locale;
import java.util.Optional;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.LocalizedText;

/**
 * Where a submission stands. It starts {@link #PENDING}; a reviewer approves it, refuses it or asks for changes (it is
 * then pending again when its submitter edits it); its submitter may withdraw it while it is open. Approved, refused
 * and withdrawn are final: a change to an approved activity is a new submission. The moves allowed are
 * {@link SubmissionAction}'s.
 */
public enum SubmissionState {
    /** Waiting for a reviewer. */
    PENDING,
    /** A reviewer asked the submitter to change it (the note says what). */
    CHANGES_REQUESTED,
    /** Approved: its activity is published. */
    APPROVED,
    /** Refused by a reviewer (the note says why). */
    REFUSED,
    /** Withdrawn by its submitter. */
    WITHDRAWN;

    /** As the API, the database and the command line write it: {@code pending}, {@code changes-requested}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state of a code, {@link #code()}'s inverse. */
    public static Optional<SubmissionState> ofCode(String code) {
        for (SubmissionState state : values()) {
            if (state.code().equals(code)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** In words: {@code en attente}, {@code pending}. */
    public LocalizedText displayName() {
        return JqsiMessageBundles.text("submission.state." + code());
    }

    /** Whether its submitter can still edit or withdraw it, and a reviewer still act on it. */
    public boolean isOpen() {
        return this == PENDING || this == CHANGES_REQUESTED;
    }
}
