package org.jqsi.web.submit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionEvent;

/**
 * A submission's status page, as its submitter sees it through their private link: where it stands in words, the
 * reviewer's note, the activity's title and date, who submitted it (their own address: this page is theirs alone) and
 * its history. Reviewers are not named: an action of theirs reads "the review team". Every value is plain text,
 * escaped by the template.
 *
 * @param frame the page's frame
 * @param id the submission's public id
 * @param kind what it proposes, in words
 * @param targetId the activity changed or cancelled, or {@code null}
 * @param stateCode its state's code ({@code pending}), for styling
 * @param state its state in words
 * @param explanation what the state means for the submitter
 * @param note the reviewer's last note, or {@code null}
 * @param title the activity's title
 * @param activityId the activity's id
 * @param when the activity's date in words
 * @param organisation who submitted it
 * @param email the address given
 * @param history every action, oldest first
 * @param link the page's own address, for its submitter to keep
 * @param notice what was just done or could not be done (an edit kept, a conflict), or {@code null}
 * @param edit the form to edit it, filled, while it is open; {@code null} otherwise
 * @param withdraw the form to withdraw it, while it is open; {@code null} otherwise
 */
public record StatusView(PageFrame frame, String id, String kind, String targetId, String stateCode, String state,
        String explanation, String note, String title, String activityId, String when, String organisation,
        String email, List<Row> history, String link, String notice, FormView edit, Withdraw withdraw) {

    /**
     * The form that withdraws a submission: posted with {@code action=withdraw}, its token, the version seen, and a
     * box to tick that confirms it (without a script, a box is the confirmation).
     *
     * @param action where it is posted
     * @param token the token against cross-site requests
     * @param version the version of the submission seen
     * @param error what is wrong (the box not ticked), or {@code null}
     */
    public record Withdraw(String action, String token, int version, String error) {
    }

    /** One action: when (Eastern time), what, by whom, the state it left, its note. */
    public record Row(String at, String action, String actor, String state, String note) {
    }

    /** The view of a submission in a language, read-only. */
    static StatusView of(PageFrame frame, Submission submission) {
        return of(frame, submission, null, null, null, null);
    }

    /** The view of a submission in a language, with its forms while it is open. */
    static StatusView of(PageFrame frame, Submission submission, String link, String notice, FormView edit,
            Withdraw withdraw) {
        SubmitMessages t = frame.t();
        String state = submission.state().code();
        List<Row> history = submission.history().stream().map(e -> new Row(at(t, e.at()),
                t.t("action." + e.action().code()),
                t.t(e.actor().equals(SubmissionEvent.SUBMITTER) ? "actor.submitter" : "actor.reviewer"),
                e.state().displayName().in(t.language()), e.note())).toList();
        String stateName = submission.state().displayName().in(t.language());
        return new StatusView(frame, submission.id(), t.t("kind." + submission.kind().code()), submission.targetId(),
                state, Character.toUpperCase(stateName.charAt(0)) + stateName.substring(1),
                t.t("state." + state + ".explained"),
                submission.reviewerNote().orElse(null), submission.activity().title().in(t.language()),
                submission.activity().id(), when(t, submission.activity().schedule()),
                submission.submitter().organisation(), submission.submitter().email(), history, link, notice, edit,
                withdraw);
    }

    /** When something was done, in Eastern time, where the festival happens. */
    private static String at(SubmitMessages t, Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, Region.EASTERN);
        return t.t("history.at", date(t.language(), local.toLocalDate()), time(t.language(), local));
    }

    /** The activity's date in words. */
    static String when(SubmitMessages t, Schedule schedule) {
        if (schedule instanceof Schedule.Timed timed) {
            LocalDateTime start = timed.start();
            return t.t("schedule.timed", date(t.language(), start.toLocalDate()), time(t.language(), start),
                    zone(timed.zone()));
        }
        if (schedule instanceof Schedule.Window window) {
            return t.t("schedule.window", date(t.language(), window.first()), date(t.language(), window.last()),
                    zone(window.zone()));
        }
        return t.t("schedule.tba");
    }

    private static String date(Language language, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(date);
    }

    private static String time(Language language, LocalDateTime time) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.locale()).format(time);
    }

    private static String zone(ZoneId zone) {
        return zone == null ? "" : zone.getId();
    }
}
