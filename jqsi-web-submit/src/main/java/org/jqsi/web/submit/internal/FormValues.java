package org.jqsi.web.submit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form holds, by parameter name: as posted ({@code application/x-www-form-urlencoded}, in UTF-8), or as
 * filled again from a submission kept. Every value is kept as typed, so that a form sent back with problems shows
 * exactly what was typed.
 */
final class FormValues {

    /** The honeypot: a field people never see, which bots that fill every field fill. */
    static final String HONEYPOT = "website";

    /** The form's token against cross-site requests ({@link FormTokens}). */
    static final String TOKEN = "csrf";

    /** What a post to a status page does: {@code edit} or {@code withdraw}. */
    static final String ACTION = "action";

    /** The version of the submission an edit or a withdrawal was made on. */
    static final String VERSION = "version";

    /** The box that confirms a withdrawal. */
    static final String CONFIRM = "confirm";

    private final Map<String, List<String>> values;

    FormValues(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Nothing typed yet. */
    static FormValues empty() {
        return new FormValues(new LinkedHashMap<>());
    }

    /**
     * A form's body, {@code name=value&…} percent-encoded in UTF-8 ({@code +} for a space).
     *
     * @throws IllegalArgumentException when an escape is malformed
     */
    static FormValues parse(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new FormValues(values);
    }

    /** The value of a field, as typed (the first, if posted twice); empty when absent. */
    String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? "" : list.get(0);
    }

    /** The value of a field without the spaces around it. */
    String stripped(String name) {
        return get(name).strip();
    }

    /** Every value of a field (a set of checkboxes). */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Whether a field was given a value other than spaces. */
    boolean has(String name) {
        return !stripped(name).isEmpty();
    }

    /** Sets a field's values (filling a form again). */
    void put(String name, List<String> list) {
        values.put(name, new ArrayList<>(list));
    }

    void put(String name, String value) {
        put(name, List.of(value));
    }

    /** The highest row index posted for a repeated field ({@code partners.4.role}: 4), or -1. */
    int lastRow(String prefix) {
        int last = -1;
        for (String name : values.keySet()) {
            if (name.startsWith(prefix + ".")) {
                int dot = name.indexOf('.', prefix.length() + 1);
                String index = dot < 0 ? "" : name.substring(prefix.length() + 1, dot);
                if (index.matches("\\d{1,2}")) {
                    last = Math.max(last, Integer.parseInt(index));
                }
            }
        }
        return last;
    }
}
