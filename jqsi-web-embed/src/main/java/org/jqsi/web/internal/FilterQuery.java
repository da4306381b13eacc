package org.jqsi.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jqsi.core.model.Language;

/**
 * A list's filters URL-encoded once, from which the queries of its page's links are put together: the other pages,
 * the other language, the activities' pages, the feeds. Each of those used to copy the filters into a new sorted map
 * with its own {@code lang} (and {@code page}) and encode every name and value again, five or six times per page.
 *
 * <p>The result is {@link WidgetAddresses#query}'s for the same parameters: the filters' names in their sorted order,
 * with {@code lang} and {@code page} put where that order puts them, each value encoded by {@link URLEncoder}.
 */
final class FilterQuery {

    private static final String LANG = RequestParameters.LANG.name();
    private static final String PAGE = RequestParameters.PAGE.name();

    private final String[] names;
    /** Each name's values, encoded and joined: {@code region=04&region=17}; empty when it has none. */
    private final String[] pairs;
    private final boolean[] presentation;
    private final int length;

    /**
     * @param filters the filters, as {@link WidgetRequest#filters()} has them: sorted, without {@code lang} or
     *     {@code page} (they steer one response and are never among the filters)
     */
    FilterQuery(SortedMap<String, List<String>> filters) {
        int n = filters.size();
        names = new String[n];
        pairs = new String[n];
        presentation = new boolean[n];
        int i = 0;
        int total = 0;
        for (Map.Entry<String, List<String>> entry : filters.entrySet()) {
            String name = entry.getKey();
            if (name.equals(LANG) || name.equals(PAGE)) {
                throw new IllegalArgumentException(name + " is not a filter");
            }
            String encodedName = URLEncoder.encode(name, StandardCharsets.UTF_8);
            StringBuilder pair = new StringBuilder();
            for (String value : entry.getValue()) {
                if (pair.length() > 0) {
                    pair.append('&');
                }
                pair.append(encodedName).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            names[i] = name;
            pairs[i] = pair.toString();
            presentation[i] = RequestParameters.named(RequestParameter.Role.PRESENTATION).contains(name);
            total += pairs[i].length() + 1;
            i++;
        }
        length = total;
    }

    /** Which of the filters a query carries. */
    private enum Kept {
        ALL, NO_PRESENTATION, ONLY_PRESENTATION
    }

    /** The query of the list with these filters in a language, at a page (page 1 is left out): {@code ?…}. */
    String list(Language language, int page) {
        return query(language, page, Kept.ALL);
    }

    /** The query of an activity's page reached from the list with these filters. */
    String activity(Language language) {
        return query(language, 1, Kept.ALL);
    }

    /** The query of a feed of the activities these filters choose: their presentation left out. */
    String feed(Language language) {
        return query(language, 1, Kept.NO_PRESENTATION);
    }

    /** The query of the list with no activity filter, shown as these filters show it: what the form's reset is. */
    String reset(Language language) {
        return query(language, 1, Kept.ONLY_PRESENTATION);
    }

    private String query(Language language, int page, Kept kept) {
        StringBuilder out = new StringBuilder(length + 24);
        boolean langDone = false;
        boolean pageDone = page <= 1;
        for (int i = 0; i < names.length; i++) {
            if (!langDone && LANG.compareTo(names[i]) < 0) {
                append(out, LANG + "=" + language.code());
                langDone = true;
            }
            if (!pageDone && PAGE.compareTo(names[i]) < 0) {
                append(out, PAGE + "=" + page);
                pageDone = true;
            }
            if (kept == Kept.ALL || presentation[i] == (kept == Kept.ONLY_PRESENTATION)) {
                append(out, pairs[i]);
            }
        }
        if (!langDone) {
            append(out, LANG + "=" + language.code());
        }
        if (!pageDone) {
            append(out, PAGE + "=" + page);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String pairs) {
        if (!pairs.isEmpty()) {
            out.append(out.length() == 0 ? '?' : '&').append(pairs);
        }
    }
}
