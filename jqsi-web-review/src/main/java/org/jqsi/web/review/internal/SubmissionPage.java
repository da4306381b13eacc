package org.jqsi.web.review.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.submission.ApprovalRefusedException;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.web.ActivityPreview;

/**
 * Makes a submission's page: its activity as publishing it would make it, shown with the widget's card in both
 * languages; what the program's rules say of it there (the checks an approval makes, {@link Publishing#checkAgainst},
 * against the program file as it is now); for a change, what differs from the published activity; its history; and
 * the actions its state allows.
 */
final class SubmissionPage {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Region.EASTERN);
    private static final List<SubmissionAction> REVIEWS =
            List.of(SubmissionAction.APPROVE, SubmissionAction.REQUEST_CHANGES, SubmissionAction.REFUSE);

    private final SubmissionStore submissions;
    private final Supplier<Program> served;
    private final ProgramSource base;
    private final ProgramValidator validator;
    private final ActivityPreview preview = new ActivityPreview();

    SubmissionPage(SubmissionStore submissions, Supplier<Program> served, ProgramSource base,
            ProgramValidator validator) {
        this.submissions = submissions;
        this.served = served;
        this.base = base;
        this.validator = validator;
    }

    /** The page of a submission, with what the form sent back when it comes back. */
    SubmissionView view(PageFrame frame, String action, Reviewer reviewer, Submission s, Instant now, String note,
            String noteProblem, String done, String problem) {
        Language language = frame.t().language();
        ReviewMessages t = frame.t();
        List<Activity> published = submissions.publication().activities();
        Activity shown = s.activity();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            List<Activity> next = Publishing.approve(published, s, now);
            String id = s.activity().id();
            shown = next.stream().filter(a -> a.id().equals(id)).findFirst().orElse(shown);
            ProgramData program = base.read();
            ValidationReport report = Publishing.checkAgainst(program, validator).check(next, shown);
            report.errors().forEach(p -> errors.add(p.format(language)));
            report.warnings().forEach(p -> warnings.add(p.format(language)));
        } catch (ApprovalRefusedException e) {
            e.report().errors().forEach(p -> errors.add(p.format(language)));
        } catch (ProgramLoadException e) {
            errors.add(t.t("submission.checks.unreadable", base.describe()));
            e.report().errors().stream().map(p -> p.format(language)).forEach(errors::add);
        }
        boolean change = s.kind() != Submission.Kind.NEW;
        Optional<Activity> before = change ? published.stream().filter(a -> a.id().equals(s.targetId())).findFirst()
                : Optional.empty();
        Activity after = shown;
        List<SubmissionView.FieldChange> changes = before.map(b -> ActivityChanges.between(b, after))
                .orElse(List.of());
        Program program = served.get();
        List<SubmissionView.Preview> previews = new ArrayList<>();
        for (Language in : List.of(Language.FR, Language.EN)) {
            previews.add(new SubmissionView.Preview(t.t("submission.preview." + in.code()), in.code(),
                    // The card's title is its page's <h1>; here it sits under the preview's <h3>.
                    preview.html(program, shown, in).replace("<h1 ", "<h4 ").replace("</h1>", "</h4>")));
        }
        List<SubmissionView.HistoryRow> history = new ArrayList<>();
        for (SubmissionEvent event : s.history()) {
            history.add(new SubmissionView.HistoryRow(WHEN.format(event.at()), event.actor(),
                    capitalized(event.action().displayName().in(language)),
                    capitalized(event.state().displayName().in(language)),
                    event.note()));
        }
        List<SubmissionView.Action> actions = REVIEWS.stream().filter(a -> a.allowedFrom(s.state()))
                .map(a -> new SubmissionView.Action(a.code(), t.t("action." + a.code()))).toList();
        return new SubmissionView(frame, s.id(), action, reviewer.csrf(), s.version(), t.t("kind." + s.kind().code()),
                s.activity().id(), capitalized(s.state().displayName().in(language)), s.submitter().organisation(),
                s.submitter().email(), s.region() == null ? t.t("region.none") : s.region().displayName().in(language),
                previews, errors, warnings, change, changes, before.isPresent(), history, actions,
                note == null ? "" : note, noteProblem, done, problem);
    }

    /** The domain's names of states and actions are lower-case words, which start a cell or a heading here. */
    static String capitalized(String words) {
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + words.substring(1);
    }
}
