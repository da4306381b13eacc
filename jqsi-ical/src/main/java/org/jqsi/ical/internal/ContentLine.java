package org.jqsi.ical.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One unfolded content line of a feed (RFC 5545 §3.1): {@code DTSTART;TZID=America/Toronto:20211110T190000}.
 *
 * <p>Names are upper-cased, since RFC 5545 makes property, parameter and component names case-insensitive
 * (lower-case feeds exist); values are kept as written. Parameter values lose their quotes, nothing else: {@code TZID=
 * 1} keeps its space, since a VTIMEZONE in the same file may be named exactly that.
 *
 * @param line the feed's line where it starts, from 1
 * @param name the property name, upper case ({@code DTSTART})
 * @param parameters the parameters by upper-case name, each with its values in order
 * @param value the raw value, escapes and all
 */
public record ContentLine(int line, String name, Map<String, List<String>> parameters, String value) {

    public ContentLine {
        parameters = Map.copyOf(parameters);
    }

    /** The first value of a parameter, if given. */
    public Optional<String> parameter(String parameterName) {
        List<String> values = parameters.get(parameterName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the {@code VALUE} parameter says this (case-insensitive). */
    public boolean valueTypeIs(String type) {
        return parameter("VALUE").filter(v -> v.strip().equalsIgnoreCase(type)).isPresent();
    }

    /** Where the name and parameters end: the first colon outside a quoted parameter value, or -1. */
    static int nameEnd(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses an unfolded line, or returns {@code null} when it is not a content line ({@code NAME[;PARAM=v]:value}
     * with a name of letters, digits and dashes).
     */
    static ContentLine parse(int line, String text) {
        int colon = nameEnd(text);
        if (colon <= 0) {
            return null;
        }
        String head = text.substring(0, colon);
        int semicolon = head.indexOf(';');
        String name = semicolon < 0 ? head : head.substring(0, semicolon);
        if (!isName(name)) {
            return null;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int i = semicolon < 0 ? head.length() : semicolon;
        while (i < head.length()) {
            // At a ';': a parameter name, '=', then values separated by commas, each maybe quoted.
            int equals = head.indexOf('=', i + 1);
            if (equals < 0) {
                return null;
            }
            String parameterName = head.substring(i + 1, equals).strip().toUpperCase(Locale.ROOT);
            if (!isName(parameterName)) {
                return null;
            }
            List<String> values = new ArrayList<>(1);
            int j = equals + 1;
            while (true) {
                StringBuilder value = new StringBuilder();
                if (j < head.length() && head.charAt(j) == '"') {
                    int close = head.indexOf('"', j + 1);
                    if (close < 0) {
                        return null;
                    }
                    value.append(head, j + 1, close);
                    j = close + 1;
                }
                while (j < head.length() && head.charAt(j) != ',' && head.charAt(j) != ';') {
                    value.append(head.charAt(j++));
                }
                values.add(value.toString());
                if (j < head.length() && head.charAt(j) == ',') {
                    j++;
                    continue;
                }
                break;
            }
            parameters.merge(parameterName, values, (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
            i = j;
        }
        return new ContentLine(line, name.toUpperCase(Locale.ROOT), parameters, text.substring(colon + 1));
    }

    private static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // RFC 5545 names have letters, digits and dashes; some exporters write LAST_MODIFIED, which ical.js reads.
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
