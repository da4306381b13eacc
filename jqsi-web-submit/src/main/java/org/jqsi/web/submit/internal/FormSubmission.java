package org.jqsi.web.submit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jqsi.core.submission.Submitter;

/**
 * A form written as the body the JSON API takes ({@code {"submitter": {…}, "activity": {…}}}), so that a form goes
 * through the very same reading and checks as the API ({@link SubmissionIntake}). A field left empty is left out of
 * the JSON: the validator then says what is missing, at the path of the field.
 *
 * <p>Rows of partners and people left empty are skipped, so the JSON's rows can be fewer than the form's:
 * {@link Written#formPath} turns a problem's path back into the form's row.
 *
 * <p>When an edit is written, what the form does not show of the activity kept (its status, links, image,
 * accessibility, a venue's coordinates, a window's hours...) is carried over unchanged, so that editing through the
 * form loses nothing it cannot show.
 */
final class FormSubmission {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What only jqsi sets, never carried into an edit (the API refuses them). */
    private static final List<String> NOT_SUBMITTED = SubmissionRequest.NOT_SUBMITTED;

    private FormSubmission() {
    }

    /**
     * The JSON written, and where each of its rows came from in the form.
     *
     * @param json the request's body
     * @param rows the JSON path of a written row ({@code activity.partners[0]}) to its form row's
     *     ({@code activity.partners[2]}), for the rows that moved
     */
    record Written(String json, Map<String, String> rows) {

        /** A problem's path in the form's terms: its row as the form numbers it. */
        String formPath(String path) {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                String from = row.getKey();
                if (path.equals(from) || path.startsWith(from + ".") || path.startsWith(from + "[")) {
                    return row.getValue() + path.substring(from.length());
                }
            }
            return path;
        }
    }

    /**
     * A new submission's body.
     *
     * @param fields the form's fields
     * @param values what was typed
     */
    static Written write(FormFields fields, FormValues values) {
        return write(fields, values, null, null);
    }

    /**
     * The body of a submission or of an edit.
     *
     * @param submitter who submits, for an edit (the form does not show it then); {@code null} to read it from
     *     the form
     * @param kept the activity kept, as the program file writes it, whose parts the form does not show are carried
     *     over; {@code null} for a new submission
     */
    static Written write(FormFields fields, FormValues values, Submitter submitter, ObjectNode kept) {
        Map<String, String> rows = new HashMap<>();
        ObjectNode activity = NODES.objectNode();
        text(activity, "editionId", values.stripped("editionId"));
        text(activity, "kind", values.stripped("kind"));
        localized(activity, "title", values.stripped("title.fr"), values.stripped("title.en"));
        localized(activity, "description", values.stripped("description.fr"), values.stripped("description.en"));
        schedule(activity, values);
        place(activity, values);
        text(activity, "region", values.stripped("region"));
        rows(activity, "partners", fields.partnerRows(), values, rows, "partnerId", "role");
        rows(activity, "people", fields.personRows(), values, rows, "name", "role");
        registration(activity, values);
        admission(activity, values);
        list(activity, "languages", values.all("languages"));
        list(activity, "audiences", values.all("audiences"));
        if (kept != null) {
            carry(fields, activity, kept, "activity");
        }
        if (!activity.has("status")) {
            activity.put("status", "scheduled");
        }
        ObjectNode by = NODES.objectNode();
        if (submitter != null) {
            by.put("organisation", submitter.organisation());
            by.put("email", submitter.email());
        } else {
            text(by, "organisation", values.stripped("submitter.organisation"));
            text(by, "email", values.stripped("submitter.email"));
        }
        ObjectNode body = NODES.objectNode();
        body.set("submitter", by);
        body.set("activity", activity);
        return new Written(body.toString(), rows);
    }

    private static void schedule(ObjectNode activity, FormValues values) {
        String type = values.stripped("schedule.type");
        if (type.isEmpty()) {
            // Without a script, the type is easily left unchosen: the dates typed say which it is.
            type = values.has("schedule.start") || values.has("schedule.end") ? "timed"
                    : values.has("schedule.first") || values.has("schedule.last") ? "window" : "";
        }
        if (type.isEmpty()) {
            return;
        }
        ObjectNode schedule = activity.putObject("schedule");
        schedule.put("type", type);
        switch (type) {
            case "timed" -> {
                text(schedule, "start", values.stripped("schedule.start"));
                text(schedule, "end", values.stripped("schedule.end"));
                text(schedule, "zone", values.stripped("schedule.zone"));
            }
            case "window" -> {
                text(schedule, "first", values.stripped("schedule.first"));
                text(schedule, "last", values.stripped("schedule.last"));
                text(schedule, "zone", values.stripped("schedule.zone"));
            }
            default -> {
                // "tba" has neither dates nor zone; another type is the reader's to refuse.
            }
        }
    }

    private static void place(ObjectNode activity, FormValues values) {
        String type = values.stripped("place.type");
        boolean venue = values.has("venue.name") || values.has("venue.street") || values.has("venue.municipality")
                || values.has("venue.postalCode");
        boolean online = values.has("online.url") || values.has("online.platform");
        if (type.isEmpty() || type.equals("none")) {
            type = venue && online ? "hybrid" : venue ? "venue" : online ? "online" : "";
        }
        if (type.isEmpty()) {
            return;
        }
        ObjectNode place = activity.putObject("place");
        switch (type) {
            case "venue" -> {
                place.put("type", "venue");
                venue(place, values);
            }
            case "online" -> {
                place.put("type", "online");
                online(place, values);
            }
            case "hybrid" -> {
                place.put("type", "hybrid");
                venue(place.putObject("venue"), values);
                online(place.putObject("online"), values);
            }
            default -> place.put("type", type);
        }
    }

    private static void venue(ObjectNode venue, FormValues values) {
        text(venue, "name", values.stripped("venue.name"));
        ObjectNode address = NODES.objectNode();
        text(address, "street", values.stripped("venue.street"));
        text(address, "municipality", values.stripped("venue.municipality"));
        text(address, "postalCode", values.stripped("venue.postalCode"));
        if (!address.isEmpty()) {
            venue.set("address", address);
        }
    }

    private static void online(ObjectNode online, FormValues values) {
        text(online, "url", values.stripped("online.url"));
        text(online, "platform", values.stripped("online.platform"));
    }

    /** The rows that have a value, in order; the rows that moved are noted. */
    private static void rows(ObjectNode activity, String name, int count, FormValues values, Map<String, String> rows,
            String first, String second) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            String a = values.stripped(name + "." + i + "." + first);
            String b = values.stripped(name + "." + i + "." + second);
            if (a.isEmpty() && b.isEmpty()) {
                continue;
            }
            ObjectNode row = array.addObject();
            text(row, first, a);
            text(row, second, b);
            if (array.size() - 1 != i) {
                rows.put("activity." + name + "[" + (array.size() - 1) + "]", "activity." + name + "[" + i + "]");
            }
        }
        if (!array.isEmpty()) {
            activity.set(name, array);
        }
    }

    private static void registration(ObjectNode activity, FormValues values) {
        boolean required = values.has("registration.required");
        String url = values.stripped("registration.url");
        if (!required && url.isEmpty()) {
            return;
        }
        ObjectNode registration = activity.putObject("registration");
        registration.put("required", required);
        text(registration, "url", url);
    }

    private static void admission(ObjectNode activity, FormValues values) {
        String admission = values.stripped("admission");
        String amount = values.stripped("price.amount");
        String label = values.stripped("price.label");
        if ((admission.isEmpty() || admission.equals("unsaid")) && !amount.isEmpty()) {
            admission = "paid";
        }
        switch (admission) {
            case "free" -> activity.putObject("admission").putArray("prices");
            case "paid" -> {
                ObjectNode price = activity.putObject("admission").putArray("prices").addObject();
                if (!amount.isEmpty()) {
                    price.set("amount", amount(amount));
                }
                localized(price, "label", label, "");
            }
            default -> {
                // Not said: the program says nothing of the price.
            }
        }
    }

    /**
     * An amount as a number when it is one ({@code 15}, {@code 15.50}, or {@code 15,50} as French writes it); else
     * as the text typed, which the reader refuses with its own words, at the amount's path.
     */
    private static JsonNode amount(String typed) {
        String number = typed.replace('\u00a0', ' ').replace(" ", "").replace("$", "").replace(',', '.');
        if (number.matches("\\d{1,9}(\\.\\d+)?")) {
            return NODES.numberNode(new BigDecimal(number));
        }
        return NODES.textNode(typed);
    }

    /** Copies what the form does not show from the activity kept into the one written (see the class). */
    private static void carry(FormFields fields, ObjectNode written, ObjectNode kept, String path) {
        JsonNode keptType = kept.get("type");
        JsonNode writtenType = written.get("type");
        if (keptType != null && !keptType.equals(writtenType)) {
            // A venue's coordinates have no place in an online place: parts of another type are left.
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = kept.fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            String inner = path + "." + name;
            if (path.equals("activity") && (NOT_SUBMITTED.contains(name) || name.equals("id"))) {
                continue;
            }
            JsonNode value = property.getValue();
            JsonNode mine = written.get(name);
            if (!shown(fields, inner)) {
                if (mine == null) {
                    written.set(name, value.deepCopy());
                }
            } else if (mine instanceof ObjectNode object && value instanceof ObjectNode keptObject) {
                carry(fields, object, keptObject, inner);
            } else if (mine instanceof ArrayNode array && value instanceof ArrayNode keptArray) {
                for (int i = 0; i < keptArray.size(); i++) {
                    String item = inner + "[" + i + "]";
                    if (i < array.size() && array.get(i) instanceof ObjectNode object
                            && keptArray.get(i) instanceof ObjectNode keptObject) {
                        carry(fields, object, keptObject, item);
                    } else if (i == array.size() && keptArray.get(i).isObject() && !shown(fields, item)) {
                        array.add(keptArray.get(i).deepCopy());
                    }
                }
            }
        }
    }

    /** Whether the form shows the value at a path, or something inside it. */
    private static boolean shown(FormFields fields, String path) {
        for (FormField field : fields.all()) {
            for (String p : field.paths()) {
                if (p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "[")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The activity kept, as the program file writes it, as a tree. */
    static ObjectNode tree(String activityJson) {
        try {
            return (ObjectNode) JSON.readTree(activityJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("jqsi's own writer wrote JSON that does not read back", e);
        }
    }

    private static void text(ObjectNode object, String name, String value) {
        if (!value.isEmpty()) {
            object.put(name, value);
        }
    }

    private static void localized(ObjectNode object, String name, String fr, String en) {
        if (fr.isEmpty() && en.isEmpty()) {
            return;
        }
        ObjectNode text = object.putObject(name);
        text(text, "fr", fr);
        text(text, "en", en);
    }

    private static void list(ObjectNode object, String name, List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().forEach(array::add);
        if (!array.isEmpty()) {
            object.set(name, array);
        }
    }
}
