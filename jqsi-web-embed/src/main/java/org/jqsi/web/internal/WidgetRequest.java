package org.jqsi.web.internal;

import java.util.List;
import java.util.SortedMap;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ActivityQuery;

/**
 * A widget or feed request, read and checked.
 *
 * @param query the activities to list, with the page's offset and limit
 * @param language the language of the page
 * @param languageAsked whether the request named its language with {@code lang} (links then keep it)
 * @param layout full or compact
 * @param page the page number, from 1
 * @param filters the filters as the request gave them, normalised (region codes, kinds in lower case), sorted: what
 *     links to other pages, other languages and the feeds carry; the default edition is not among them, so a
 *     subscription follows the festival from year to year
 * @param defaultEdition the edition chosen because the request named none, or {@code null}
 * @param fragment whether to render only the widget, for inline embedding, without the page around it
 */
public record WidgetRequest(
        ActivityQuery query,
        Language language,
        boolean languageAsked,
        Layout layout,
        int page,
        SortedMap<String, List<String>> filters,
        String defaultEdition,
        boolean fragment) {
}
