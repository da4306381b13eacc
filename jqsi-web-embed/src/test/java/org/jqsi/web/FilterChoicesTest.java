package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jqsi.core.model.Activity;
import org.jqsi.core.program.Program;
import org.jqsi.json.ProgramFileSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter form offers no choice that can only give an empty list, and says how many filters are set. */
class FilterChoicesTest {

    private static WidgetServer server;
    private static Program sample;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.defaults());
        sample = Program.of(ProgramFileSource.sample().read());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> offered(Document page, String select) {
        return page.select("#" + select + " option").eachAttr("value").stream().filter(v -> !v.isEmpty()).toList();
    }

    private static Stream<Activity> of2020() {
        return sample.activities().stream().filter(a -> a.editionId().equals("jqsi-2020"));
    }

    @Test
    void offersOnlyWhatTheEditionsActivitiesHave() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/?lang=fr").body());
        assertThat(offered(page, "jqsi-region")).containsExactlyInAnyOrderElementsOf(
                of2020().filter(a -> a.region() != null).map(a -> a.region().code()).distinct().toList());
        assertThat(offered(page, "jqsi-kind")).hasSameSizeAs(of2020().map(Activity::kind).distinct().toList());
        List<String> languages = of2020().flatMap(a -> a.languages().stream()).map(Locale::getLanguage).distinct()
                .toList();
        assertThat(offered(page, "jqsi-language")).containsExactlyInAnyOrderElementsOf(languages);
        // Every edition shows every region of the program.
        Document all = Jsoup.parse(server.get("/widget/?lang=fr&edition=all").body());
        assertThat(offered(all, "jqsi-region").size()).isGreaterThanOrEqualTo(offered(page, "jqsi-region").size());
    }

    @Test
    void aChoiceTheRequestMadeIsShownEvenWhenItFindsNothing() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/?lang=fr&region=09").body());
        Element chosen = page.selectFirst("#jqsi-region option[selected]");
        assertThat(chosen.attr("value")).isEqualTo("09");
        assertThat(page.selectFirst(".jqsi-count").text()).isEqualTo("Aucune activité");
    }

    @Test
    void theFoldedFormSaysHowManyFiltersAreSet() throws Exception {
        assertThat(Jsoup.parse(server.get("/widget/?lang=fr").body()).selectFirst("details.jqsi-filterbox summary")
                .text()).isEqualTo("Filtres");
        assertThat(Jsoup.parse(server.get("/widget/?lang=en&region=04&free=true&q=film").body())
                .selectFirst("details.jqsi-filterbox summary").text()).isEqualTo("Filters (3)");
    }
}
