package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

/**
 * The queries a list page's links carry, put together from its filters encoded once ({@link FilterQuery}), are those
 * {@link WidgetAddresses} makes from a sorted map for each link: on random filters, every name a filter has (and names
 * around {@code lang} and {@code page} in sorted order), values with characters to encode, pages 1 to 3.
 */
class FilterQueryTest {

    private static final String BASE = "https://jqsi.example.org/widget/";
    private static final WidgetAddresses ADDRESSES = new WidgetAddresses(BASE, new Assets());
    /** The widget's filter names, and names sorting just before and after {@code lang} and {@code page}. */
    private static final List<String> NAMES = List.of("accessibility", "edition", "free", "from", "kind", "language",
            "layout", "mode", "partner", "q", "region", "theme", "to", "la", "lan", "langue", "pa", "pagination",
            "a", "z", "l");
    private static final List<String> VALUES = List.of("04", "all", "conference", "2021-11-03", "égalité femmes",
            "a&b=c", "\"<paix>\"", "l'exposition", "100 %", "+", "compact", "true", "théâtre+danse", "x y", "");

    @Test
    void queriesAreThoseOfTheAddressesOnRandomFilters() {
        Random random = new Random(23);
        for (int i = 0; i < 2_000; i++) {
            SortedMap<String, List<String>> filters = new TreeMap<>();
            int count = random.nextInt(6);
            for (int n = 0; n < count; n++) {
                List<String> values = new ArrayList<>();
                int many = random.nextInt(8) == 0 ? 2 + random.nextInt(2) : 1;
                for (int v = 0; v < many; v++) {
                    values.add(VALUES.get(random.nextInt(VALUES.size() - 1)));
                }
                filters.put(NAMES.get(random.nextInt(NAMES.size())), List.copyOf(values));
            }
            FilterQuery query = new FilterQuery(filters);
            for (Language language : Language.values()) {
                for (int page = 1; page <= 3; page++) {
                    assertThat(BASE + query.list(language, page)).as(filters + " page " + page)
                            .isEqualTo(ADDRESSES.widget(filters, language, page));
                }
                assertThat(query.activity(language)).as(filters.toString())
                        .isEqualTo(ADDRESSES.activityQuery(language, filters));
                assertThat(query.feed(language)).as(filters.toString())
                        .isEqualTo(ADDRESSES.feedQuery(filters, language));
                SortedMap<String, List<String>> presentation = new TreeMap<>(filters);
                presentation.keySet().retainAll(RequestParameters.named(RequestParameter.Role.PRESENTATION));
                assertThat(BASE + query.reset(language)).as(filters.toString())
                        .isEqualTo(ADDRESSES.widget(presentation, language, 1));
            }
        }
    }

    @Test
    void aNameWithNoValueIsLeftOut() {
        FilterQuery query = new FilterQuery(new TreeMap<>(Map.of("region", List.of(), "kind", List.of("quiz"))));
        assertThat(query.list(Language.EN, 2)).isEqualTo("?kind=quiz&lang=en&page=2");
        assertThat(new FilterQuery(new TreeMap<>()).list(Language.FR, 1)).isEqualTo("?lang=fr");
    }

    @Test
    void langAndPageAreNotFilters() {
        assertThatThrownBy(() -> new FilterQuery(new TreeMap<>(Map.of("lang", List.of("fr")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilterQuery(new TreeMap<>(Map.of("page", List.of("2")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
