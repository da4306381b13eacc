package org.jqsi.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jqsi.core.model.Language;

/**
 * The widget's own addresses, all absolute: the same markup works in the iframe, inline in a partner's page (where a
 * relative link would point at the partner's site) and in feeds.
 *
 * @param base where the widget is mounted, ending with a slash: {@code https://jqsi.example.org/widget/}
 * @param assets the static assets, for their versioned names
 */
record WidgetAddresses(String base, Assets assets) {

    /** The widget's list with the given filters, language and page (page 1 is left out). */
    public String widget(SortedMap<String, List<String>> filters, Language language, int page) {
        SortedMap<String, List<String>> parameters = new TreeMap<>(filters);
        parameters.put(RequestParameters.LANG.name(), List.of(language.code()));
        if (page > 1) {
            parameters.put(RequestParameters.PAGE.name(), List.of(Integer.toString(page)));
        }
        return base + query(parameters);
    }

    /** A feed for the given filters, in a language: {@code feed.ics?region=04&lang=fr}. */
    public String feed(String file, SortedMap<String, List<String>> filters, Language language) {
        return base + file + feedQuery(filters, language);
    }

    /**
     * The query of {@link #feed}'s address, the same for every feed of a list: a page makes it once for its feeds.
     */
    String feedQuery(SortedMap<String, List<String>> filters, Language language) {
        SortedMap<String, List<String>> parameters = new TreeMap<>(filters);
        // A feed holds the activities, whatever their presentation.
        parameters.keySet().removeAll(RequestParameters.named(RequestParameter.Role.PRESENTATION));
        parameters.put(RequestParameters.LANG.name(), List.of(language.code()));
        return query(parameters);
    }

    /** A feed with a query that {@link #feedQuery} made. */
    String feed(String file, String feedQuery) {
        return base + file + feedQuery;
    }

    /** An activity's page. Ids are slugs, safe in a path as they are. */
    public String activity(String id, Language language) {
        return base + "activities/" + id + "?lang=" + language.code();
    }

    /**
     * An activity's page, carrying the filters of the list it was reached from, so that its way back (and its
     * other language) returns to the same list.
     */
    public String activity(String id, Language language, SortedMap<String, List<String>> filters) {
        return activity(id, activityQuery(language, filters));
    }

    /**
     * The query of {@link #activity(String, Language, SortedMap)}'s address, the same for every activity of a list:
     * a page makes it once for all its cards.
     */
    String activityQuery(Language language, SortedMap<String, List<String>> filters) {
        if (filters.isEmpty()) {
            return "?lang=" + language.code();
        }
        SortedMap<String, List<String>> parameters = new TreeMap<>(filters);
        parameters.put(RequestParameters.LANG.name(), List.of(language.code()));
        return query(parameters);
    }

    /** An activity's page with a query that {@link #activityQuery} made. */
    String activity(String id, String activityQuery) {
        return base + "activities/" + id + activityQuery;
    }

    /** An activity's own calendar file. */
    public String activityCalendar(String id, Language language) {
        return base + "activities/" + id + ".ics?lang=" + language.code();
    }

    /** A static asset by its plain name ({@code widget.css}), at its versioned address. */
    public String asset(String name) {
        return base + "assets/" + assets.versionedName(name);
    }

    static String query(Map<String, List<String>> parameters) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            for (String value : entry.getValue()) {
                out.append(out.length() == 0 ? '?' : '&')
                        .append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
