package org.jqsi.web.review.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jqsi.core.model.Activity;
import org.jqsi.json.ActivityJson;

/**
 * What a change would change in a published activity, field by field, in the program file's format (each top-level
 * field of an activity, as {@link ActivityJson} writes it): the names are the ones organisers' files use, and every
 * field the model has is compared, those added later included. What publishing itself sets (its revision, its last
 * modification, its origin) is left out.
 */
final class ActivityChanges {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SET_BY_PUBLISHING = Set.of("revision", "lastModified", "origin");
    private static final String NONE = "—";

    private ActivityChanges() {
    }

    /** The fields whose values differ, in the order the format writes them. */
    static List<SubmissionView.FieldChange> between(Activity published, Activity proposed) {
        JsonNode before = tree(published);
        JsonNode after = tree(proposed);
        Set<String> names = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(names::add);
        for (Iterator<String> it = before.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        List<SubmissionView.FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            if (SET_BY_PUBLISHING.contains(name)) {
                continue;
            }
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            if (!Objects.equals(was, is)) {
                changes.add(new SubmissionView.FieldChange(name, text(was), text(is)));
            }
        }
        return changes;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return NONE;
        }
        try {
            return value.isTextual() ? value.asText()
                    : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON is written back", e);
        }
    }

    private static JsonNode tree(Activity activity) {
        try {
            return MAPPER.readTree(ActivityJson.write(activity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("what ActivityJson writes is JSON", e);
        }
    }
}
