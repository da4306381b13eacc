package org.jqsi.web.submit.internal;

import java.util.List;
import java.util.Objects;

/**
 * One field of the submission form: the name it is posted under, how it is shown, the text that labels it, and the
 * places in the submission's JSON it stands for. {@link FormFields} holds them all, in the form's order.
 *
 * @param name the form parameter ({@code schedule.start}, {@code partners.0.role}); the HTML id is made from it
 * @param group the key of the fieldset's legend it is shown in ({@code form.group.when})
 * @param kind how it is shown and read
 * @param labelKey the message key of its label
 * @param hintKey the message key of a hint shown under the label, or {@code null}
 * @param required whether the submission needs it (said in its label; the validator decides)
 * @param options what a select, a radio group or a set of checkboxes offers
 * @param paths the JSON paths it stands for, the value's own first ({@code activity.schedule.start}); a problem at
 *     one of them, or below one and at no other field, is shown beside this field
 */
record FormField(String name, String group, Kind kind, String labelKey, String hintKey, boolean required,
        FormOptions options, List<String> paths) {

    /** How a field is shown: each is one kind of HTML control. */
    enum Kind {
        TEXT, EMAIL, URL, DECIMAL, TEXTAREA, DATETIME, DATE, SELECT, RADIO, CHECKBOX, CHECKBOXES;

        /** Whether it takes several values (a set of checkboxes). */
        boolean many() {
            return this == CHECKBOXES;
        }

        /** Whether it is a group of controls, labelled by a legend rather than a label. */
        boolean grouped() {
            return this == RADIO || this == CHECKBOXES;
        }
    }

    FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(labelKey, "labelKey");
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException(name + ": a field stands for at least one path");
        }
    }

    /** The id of its control in the page (its first control, for a group). */
    String id() {
        return "f-" + name.replace('.', '-');
    }

    /** Its value's own JSON path. */
    String path() {
        return paths.get(0);
    }
}
