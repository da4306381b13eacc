package org.jqsi.core.submission;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a submission's history: who did what, when, and the state it left. The history is only ever added to.
 *
 * @param at when, to the millisecond
 * @param actor who: {@link #SUBMITTER} for the submitter through their private link, an account's address for a
 *     reviewer, {@code cli:USER} for someone at the command line
 * @param action what they did
 * @param state the state it left the submission in
 * @param note what the reviewer wrote (why it is refused, what to change), or {@code null}
 */
public record SubmissionEvent(Instant at, String actor, SubmissionAction action, SubmissionState state, String note) {

    /** The actor of what the submitter does. */
    public static final String SUBMITTER = "submitter";

    public SubmissionEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
        if (note != null && note.isBlank()) {
            note = null;
        }
    }
}
