package org.jqsi.core.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Status;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;

/**
 * The rules by which approved submissions publish their activities beside the program file's and the sources', each
 * owner keeping to its own: what an approval publishes ({@link #approve}), and how the published activities join a
 * program ({@link #compose}).
 */
public final class Publishing {

    private static final Pattern ACTIVITY_PATH = Pattern.compile("^activities\\[(\\d+)\\]");

    private Publishing() {
    }

    /**
     * What approvals publish once this submission is approved.
     *
     * <ul>
     *   <li>A new activity is added, owned by the submission, at revision 0.
     *   <li>A change replaces the published activity of its target, now owned by this submission; its revision (the
     *       calendars' {@code SEQUENCE}) goes up when its time or status changes, as a feed's update does.
     *   <li>A cancellation keeps the published activity with the status cancelled, revision up.
     * </ul>
     * Only an activity that approvals published can be changed or cancelled this way: the program file's and the
     * sources' belong to them.
     *
     * @param published what approvals publish now
     * @param at when it is approved: the activity's last modification
     * @throws ApprovalRefusedException when a new activity takes an id already published, or a change's target is not
     *     published by an approval
     */
    public static List<Activity> approve(List<Activity> published, Submission submission, Instant at)
            throws ApprovalRefusedException {
        Objects.requireNonNull(at, "at");
        Activity proposed = submission.activity();
        int index = indexOf(published, proposed.id());
        List<Activity> next = new ArrayList<>(published);
        Origin origin = Origin.submission(submission.id());
        if (submission.kind() == Submission.Kind.NEW) {
            if (index >= 0) {
                throw refused(submission, "id", "submission.id-published", proposed.id());
            }
            next.add(proposed.toBuilder().origin(origin).revision(0).lastModified(at).build());
            return next;
        }
        if (index < 0) {
            throw refused(submission, "id", "submission.target-not-published", submission.targetId());
        }
        Activity before = published.get(index);
        Activity after = submission.kind() == Submission.Kind.CANCEL
                ? before.toBuilder().status(Status.CANCELLED).build() : proposed;
        boolean rescheduled = !after.schedule().equals(before.schedule()) || after.status() != before.status();
        next.set(index, after.toBuilder().origin(origin).revision(before.revision() + (rescheduled ? 1 : 0))
                .lastModified(at).build());
        return next;
    }

    /**
     * A program with the published activities after its own, validated whole. A published activity that would make it
     * invalid (its id taken since by the program file or a source, its partner gone) is left out, with why; the
     * others are served. Errors of the program's own activities are not the submissions': they stay in the report.
     *
     * @param base the program file composed with its sources
     */
    public static Composition compose(ProgramData base, List<Activity> published, ProgramValidator validator) {
        Map<String, Activity> baseIds = new HashMap<>();
        base.activities().forEach(a -> baseIds.putIfAbsent(a.id(), a));
        Map<String, List<Problem>> leftOut = new LinkedHashMap<>();
        List<Activity> candidates = new ArrayList<>();
        for (Activity activity : published) {
            Activity other = baseIds.get(activity.id());
            if (other != null) {
                leftOut.put(activity.id(), List.of(Problem.error(Location.path("activity.id"), "submission.id-taken",
                        JqsiMessageBundles.text("submission.id-taken", activity.id(),
                                LocalizedText.of(other.origin().describeOwner(Language.FR),
                                        other.origin().describeOwner(Language.EN))))));
            } else {
                candidates.add(activity);
            }
        }
        while (true) {
            List<Activity> all = new ArrayList<>(base.activities());
            all.addAll(candidates);
            ProgramData program = new ProgramData(base.editions(), base.partners(), all);
            ValidationReport report = validator.validate(program);
            Map<String, List<Problem>> ofPublished = new LinkedHashMap<>();
            for (Problem problem : report.errors()) {
                String path = problem.location() instanceof Location.ProgramPath p ? p.path() : "";
                Matcher at = ACTIVITY_PATH.matcher(path);
                int index = at.lookingAt() ? Integer.parseInt(at.group(1)) : -1;
                if (index >= base.activities().size()) {
                    ofPublished.computeIfAbsent(all.get(index).id(), id -> new ArrayList<>())
                            .add(problem.at(Location.path("activity" + path.substring(at.end()))));
                }
            }
            if (ofPublished.isEmpty()) {
                return new Composition(program, leftOut, report);
            }
            leftOut.putAll(ofPublished);
            candidates.removeIf(a -> ofPublished.containsKey(a.id()));
        }
    }

    /**
     * The usual check of an approval: the activity approved must not be left out of {@code base} composed with what
     * approvals would publish ({@link #compose}); its problems are its errors there, and its warnings.
     */
    public static PublicationCheck checkAgainst(ProgramData base, ProgramValidator validator) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(validator, "validator");
        return (published, approved) -> {
            Composition composition = compose(base, published, validator);
            List<Problem> problems = composition.leftOut().get(approved.id());
            if (problems != null) {
                return new ValidationReport(problems);
            }
            int index = composition.program().activities().indexOf(approved);
            String own = "activities[" + index + "]";
            List<Problem> warnings = new ArrayList<>();
            for (Problem warning : composition.report().warnings()) {
                String path = warning.location() instanceof Location.ProgramPath p ? p.path() : "";
                if (path.equals(own) || path.startsWith(own + ".") || path.startsWith(own + "[")) {
                    warnings.add(warning.at(Location.path("activity" + path.substring(own.length()))));
                }
            }
            return new ValidationReport(warnings);
        };
    }

    /**
     * A program composed with the published activities.
     *
     * @param program what is served: the base's activities, then the published ones that are not left out
     * @param leftOut the published activities left out, by id, with their errors at paths of the activity
     *     ({@code activity.partners[0].partnerId})
     * @param report the whole program's problems once those are left out: errors here are the base's own
     */
    public record Composition(ProgramData program, Map<String, List<Problem>> leftOut, ValidationReport report) {

        public Composition {
            Objects.requireNonNull(program, "program");
            leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
            Objects.requireNonNull(report, "report");
        }
    }

    private static int indexOf(List<Activity> activities, String id) {
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static ApprovalRefusedException refused(Submission submission, String field, String key, Object arg) {
        return new ApprovalRefusedException(submission.id(), ValidationReport.of(Problem.error(
                Location.path("activity." + field), key, JqsiMessageBundles.text(key, arg))));
    }
}
