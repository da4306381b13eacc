package org.jqsi.web.submit.internal;

import java.util.List;

/**
 * The submission form as its template shows it: new (on its own page) or filled for an edit (on the status page).
 * Every value is plain text, escaped by the template.
 *
 * @param action where it is posted (an absolute address, with {@code ?lang=})
 * @param token the token against cross-site requests ({@link FormTokens})
 * @param version for an edit, the version of the submission it was filled from; 0 for a new one
 * @param editing whether it edits a submission kept (it then has no submitter fields, and is posted with
 *     {@code action=edit})
 * @param problems what is wrong, for the summary at the top; empty when nothing is
 * @param problemsHeading the summary's heading ("3 problems to fix")
 * @param groups the fieldsets, in order
 * @param submitLabel the words of its button
 */
public record FormView(String action, String token, int version, boolean editing, List<Problem> problems,
        String problemsHeading, List<Group> groups, String submitLabel) {

    /**
     * One problem in the summary: its words (with its field's label when it has one), and a link to its field, or
     * {@code null} when no field stands for it.
     */
    public record Problem(String href, String text) {
    }

    /** A fieldset: its legend, and its fields. */
    public record Group(String id, String legend, List<Field> fields) {
    }

    /**
     * One field.
     *
     * @param id its control's id (a group's: of its first option's)
     * @param name the parameter it is posted as
     * @param kind {@code text}, {@code email}, {@code url}, {@code decimal}, {@code textarea}, {@code datetime},
     *     {@code date}, {@code select}, {@code radio}, {@code checkbox}, {@code checkboxes}
     * @param label its label, with "(required)" when it is
     * @param required whether it is required
     * @param hint the hint under its label, or {@code null}
     * @param hintId the hint's id
     * @param value its value, as typed
     * @param options what it offers, each marked when chosen
     * @param errors what is wrong with it, in the page's language; empty when nothing
     * @param errorId the errors' id
     * @param describedBy the ids of its hint and errors, for {@code aria-describedby}; {@code null} for none
     */
    public record Field(String id, String name, String kind, String label, boolean required, String hint,
            String hintId, String value, List<Option> options, List<String> errors, String errorId,
            String describedBy) {

        /** Whether it has a problem: {@code aria-invalid}. */
        public boolean invalid() {
            return !errors.isEmpty();
        }

        /** The HTML {@code type} of an {@code <input>}. */
        public String inputType() {
            return switch (kind) {
                case "email" -> "email";
                case "url" -> "url";
                case "datetime" -> "datetime-local";
                case "date" -> "date";
                default -> "text";
            };
        }

        /** What a browser may fill it with ({@code autocomplete}), or {@code off}. */
        public String autocomplete() {
            return switch (name) {
                case "submitter.organisation" -> "organization";
                case "submitter.email" -> "email";
                case "venue.street" -> "street-address";
                case "venue.postalCode" -> "postal-code";
                default -> "off";
            };
        }
    }

    /** One choice of a select, a radio group or a set of checkboxes. */
    public record Option(String id, String value, String label, boolean chosen) {
    }
}
