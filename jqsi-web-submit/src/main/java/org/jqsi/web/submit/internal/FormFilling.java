package org.jqsi.web.submit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A form filled from a submission kept, for its submitter to edit: each field takes the value at its paths in the
 * activity as the program file writes it ({@link FormFields}), the first one that is there.
 */
final class FormFilling {

    private FormFilling() {
    }

    /**
     * The form of an activity kept.
     *
     * @param activity the activity, as the program file writes it
     */
    static FormValues of(FormFields fields, ObjectNode activity) {
        ObjectNode root = activity.objectNode();
        root.set("activity", activity);
        FormValues values = FormValues.empty();
        for (FormField field : fields.all()) {
            if (field.kind().many()) {
                JsonNode array = at(root, field.path());
                List<String> list = new ArrayList<>();
                if (array != null) {
                    array.forEach(item -> list.add(item.asText()));
                }
                values.put(field.name(), list);
                continue;
            }
            for (String path : field.paths()) {
                JsonNode value = at(root, path);
                if (value != null && value.isValueNode()) {
                    values.put(field.name(), value.isBoolean() ? (value.asBoolean() ? "yes" : "") : value.asText());
                    break;
                }
            }
        }
        // What the JSON says by its shape rather than by a value.
        if (!activity.has("place")) {
            values.put("place.type", "none");
        }
        JsonNode prices = at(root, "activity.admission.prices");
        values.put("admission", prices == null ? "unsaid" : prices.isEmpty() ? "free" : "paid");
        return values;
    }

    /** The node at a path such as {@code activity.partners[0].role}, or {@code null}. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            node = node.get(name);
            if (node == null) {
                return null;
            }
            if (bracket >= 0) {
                node = node.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
                if (node == null) {
                    return null;
                }
            }
        }
        return node;
    }
}
