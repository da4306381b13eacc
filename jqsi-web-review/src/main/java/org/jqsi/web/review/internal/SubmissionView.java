package org.jqsi.web.review.internal;

import java.util.List;

/**
 * One submission's page.
 *
 * @param frame the page's frame
 * @param id the submission's id
 * @param action where the actions' form goes
 * @param csrf the session's CSRF token
 * @param version the version the reviewer saw, sent back with an action so that one taken meanwhile is not overruled
 * @param kind new activity, change or cancellation, in words
 * @param activityId the activity's id
 * @param state its state, in words
 * @param organisation who proposed it
 * @param email their address
 * @param region the activity's region, in words, or "—"
 * @param previews the activity as the widget will show it, French then English
 * @param errors what would stop its approval, in the page's language
 * @param warnings the validator's warnings on it
 * @param change whether it changes or cancels a published activity
 * @param changes for a change or a cancellation, what differs from the published activity; empty otherwise
 * @param published whether the activity it changes was found among the published ones
 * @param history what happened to it, oldest first
 * @param actions the actions its state allows
 * @param note the note typed, kept when the form comes back
 * @param noteProblem why the note was refused, or {@code null}
 * @param done what was just done, in words, or {@code null}
 * @param problem why the last action was not done, or {@code null}
 */
public record SubmissionView(PageFrame frame, String id, String action, String csrf, int version, String kind,
        String activityId, String state, String organisation, String email, String region, List<Preview> previews,
        List<String> errors, List<String> warnings, boolean change, List<FieldChange> changes, boolean published,
        List<HistoryRow> history, List<Action> actions, String note, String noteProblem, String done,
        String problem) {

    /** The activity in one language, as the widget's card HTML (escaped by the widget's template). */
    public record Preview(String heading, String lang, String html) {
    }

    /** A field of the program file's format whose value differs: compact JSON before and after. */
    public record FieldChange(String field, String before, String after) {
    }

    /** One event of the history. */
    public record HistoryRow(String at, String actor, String action, String state, String note) {
    }

    /** A button of the form: its code ({@code approve}) and its label. */
    public record Action(String code, String label) {
    }
}
