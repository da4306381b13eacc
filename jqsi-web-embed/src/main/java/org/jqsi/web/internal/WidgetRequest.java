package org.jqsi.web.internal;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;

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
record WidgetRequest(
        ActivityQuery query,
        Language language,
        boolean languageAsked,
        Layout layout,
        int page,
        SortedMap<String, List<String>> filters,
        String defaultEdition,
        boolean fragment) {

    /** What the parameters of a request make of it, as {@link RequestParameter#apply()} reads them one by one. */
    static final class Builder {
        private final Program program;
        private final Clock clock;
        private final Language language;
        private final int pageSize;
        private final ActivityQuery.Builder query;
        private final SortedMap<String, List<String>> filters = new TreeMap<>();
        private boolean languageAsked;
        private Layout layout = Layout.FULL;
        private int page = 1;
        private String defaultEdition;
        private boolean fragment;

        /**
         * @param program the program the request will query
         * @param clock what "now" is, for the edition of the day
         * @param language the language of the answer
         * @param pageSize how many activities a page shows
         */
        Builder(Program program, Clock clock, Language language, int pageSize) {
            this.program = program;
            this.clock = clock;
            this.language = language;
            this.pageSize = pageSize;
            this.query = ActivityQuery.builder().limit(pageSize);
        }

        ActivityQuery.Builder query() {
            return query;
        }

        /** The edition that is running or coming next, else the most recent one with dated activities. */
        Optional<Edition> featuredEdition() {
            return program.featuredEdition(clock);
        }

        void defaultEdition(String id) {
            defaultEdition = id;
        }

        void languageAsked(boolean asked) {
            languageAsked = asked;
        }

        void layout(Layout value) {
            layout = value;
        }

        void page(int value) {
            page = value;
        }

        void fragment(boolean value) {
            fragment = value;
        }

        /** Keeps the normalised values of a parameter among the filters. */
        void filter(String name, List<String> values) {
            // Most filters have one value (a region, a kind): nothing to sort.
            filters.put(name, values.size() == 1 ? List.of(values.get(0))
                    : values.stream().distinct().sorted().toList());
        }

        WidgetRequest build() {
            query.offset((page - 1) * pageSize);
            return new WidgetRequest(query.build(), language, languageAsked, layout, page,
                    Collections.unmodifiableSortedMap(filters), defaultEdition, fragment);
        }
    }
}
