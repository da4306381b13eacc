package org.jqsi.web.submit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;

/**
 * Makes the {@link FormView} of a form: its fields from {@link FormFields}, each with the values typed and the
 * problems placed beside it, and the summary of all problems at the top.
 */
final class FormPage {

    private FormPage() {
    }

    /** What a new form starts with: the latest edition, a timed activity in Eastern time, in person or not said. */
    static FormValues defaults(Program program, SubmitMessages t) {
        FormValues values = FormValues.empty();
        List<FormOptions.Option> editions = FormOptions.editions(program, t);
        if (!editions.isEmpty()) {
            values.put("editionId", editions.get(0).value());
        }
        values.put("schedule.type", "timed");
        values.put("schedule.zone", Region.EASTERN.getId());
        values.put("place.type", "none");
        values.put("admission", "unsaid");
        return values;
    }

    /**
     * The view of a form.
     *
     * @param problems what the intake found, at their JSON paths
     * @param written the JSON the form was written as, to place problems of rows that moved; {@code null} when
     *     nothing was written
     */
    static FormView view(FormFields fields, FormValues values, List<ApiProblem> problems,
            FormSubmission.Written written, Program program, SubmitMessages t, String action, String token,
            int version, boolean editing) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<FormView.Problem> summary = new ArrayList<>();
        for (ApiProblem problem : problems) {
            String path = written == null ? problem.path() : written.formPath(problem.path());
            Optional<FormField> field = fields.at(path);
            String message = problem.message().in(t.language());
            if (field.isPresent() && problem.code().equals("json.missing")) {
                // The reader's words name a JSON property; beside a field, the field is what is missing.
                message = t.t("form.missing");
            }
            if (field.isPresent() && !(editing && field.get().group().equals(FormFields.G_SUBMITTER))) {
                FormField f = field.get();
                errors.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(message);
                summary.add(new FormView.Problem("#" + anchor(f), t.t("form.problem", t.t(f.labelKey()), message)));
            } else {
                summary.add(new FormView.Problem(null, message));
            }
        }
        List<FormView.Group> groups = new ArrayList<>();
        String legend = null;
        List<FormView.Field> current = null;
        for (FormField field : fields.all()) {
            if (editing && field.group().equals(FormFields.G_SUBMITTER)) {
                continue;
            }
            String groupLegend = legend(field, t);
            if (!groupLegend.equals(legend)) {
                current = new ArrayList<>();
                groups.add(new FormView.Group("g-" + groups.size(), groupLegend, current));
                legend = groupLegend;
            }
            current.add(field(field, values, errors.getOrDefault(field.name(), List.of()), program, t));
        }
        String heading = summary.isEmpty() ? null : t.t("form.problems", summary.size());
        return new FormView(action, token, version, editing, summary, heading, groups,
                t.t(editing ? "form.send.edit" : "form.send"));
    }

    private static FormView.Field field(FormField field, FormValues values, List<String> errors, Program program,
            SubmitMessages t) {
        String id = field.id();
        String hint = field.hintKey() == null ? null : t.t(field.hintKey());
        String hintId = "h-" + id;
        String errorId = "e-" + id;
        List<String> chosen = field.kind().many() ? values.all(field.name()) : List.of(values.get(field.name()));
        List<FormView.Option> options = new ArrayList<>();
        List<FormOptions.Option> offered = new ArrayList<>(field.options().of(program, t));
        if (field.kind() == FormField.Kind.SELECT && !field.name().equals("schedule.zone")
                && !field.name().equals("editionId")) {
            offered.add(0, new FormOptions.Option("", t.t("form.choose")));
        }
        // A value kept that the form does not offer (a language, a zone) stays offered, so an edit keeps it.
        for (String value : chosen) {
            if (!value.isEmpty() && offered.stream().noneMatch(o -> o.value().equals(value))
                    && !field.options().equals(FormOptions.NONE) && field.kind() != FormField.Kind.CHECKBOX) {
                offered.add(new FormOptions.Option(value, value));
            }
        }
        for (int i = 0; i < offered.size(); i++) {
            FormOptions.Option option = offered.get(i);
            options.add(new FormView.Option(id + "-" + i, option.value(), option.label(),
                    chosen.contains(option.value())));
        }
        StringBuilder describedBy = new StringBuilder();
        if (hint != null) {
            describedBy.append(hintId);
        }
        if (!errors.isEmpty()) {
            describedBy.append(describedBy.isEmpty() ? "" : " ").append(errorId);
        }
        return new FormView.Field(field.kind().grouped() ? id + "-0" : id, field.name(),
                field.kind().name().toLowerCase(java.util.Locale.ROOT), label(field, t), field.required(), hint,
                hintId, field.kind().many() ? "" : values.get(field.name()), options, List.copyOf(errors), errorId,
                describedBy.isEmpty() ? null : describedBy.toString());
    }

    /** Where the summary links to: the control, or a group's first option. */
    private static String anchor(FormField field) {
        return field.kind().grouped() ? field.id() + "-0" : field.id();
    }

    private static String label(FormField field, SubmitMessages t) {
        return field.required() ? t.t("form.required", t.t(field.labelKey())) : t.t(field.labelKey());
    }

    /** A field's fieldset legend: its group's, numbered for a row of partners or people. */
    private static String legend(FormField field, SubmitMessages t) {
        if (field.group().equals(FormFields.G_PARTNER) || field.group().equals(FormFields.G_PERSON)) {
            int row = Integer.parseInt(field.name().split("\\.")[1]);
            return t.t(field.group(), row + 1);
        }
        return t.t(field.group());
    }
}
