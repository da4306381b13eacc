package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jqsi.core.sample.SampleProgram;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Activities' pictures and accessibility information in the widget's pages, feeds and filters. */
class PicturesAndAccessibilityTest {

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.builder()
                .imageOrigins(List.of(PicturesProgram.IMAGES_ORIGIN)).build());
        server.serve(PicturesProgram.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPictureIsAnImgWithItsSizeItsTextAndLazyLoading() throws Exception {
        Document english = Jsoup.parse(server.get("/widget/?lang=en").body());
        Element bachar = WidgetServletTest.activity(english, SampleProgram.LOIN_DE_BACHAR).selectFirst("img");
        assertThat(bachar.attr("src")).isEqualTo("https://images.example.org/bachar.jpg");
        assertThat(bachar.attr("alt")).isEqualTo("A woman looks at the sea from a balcony");
        assertThat(bachar.attr("width")).isEqualTo("800");
        assertThat(bachar.attr("height")).isEqualTo("450");
        assertThat(bachar.attr("loading")).isEqualTo("lazy");
        assertThat(bachar.hasAttr("lang")).isFalse();
        assertThat(WidgetServletTest.activity(english, SampleProgram.LOIN_DE_BACHAR).selectFirst("figcaption").text())
                .isEqualTo("Image: Pascal Sanchez — © Pascal Sanchez, avec permission");
        // Unsized: a 16:9 box is kept; its text is French, and says so.
        Element dheepan = WidgetServletTest.activity(english, SampleProgram.DHEEPAN).selectFirst("img");
        assertThat(dheepan.attr("width")).isEqualTo("1200");
        assertThat(dheepan.attr("height")).isEqualTo("675");
        assertThat(dheepan.attr("lang")).isEqualTo("fr");

        // The page lets pictures load from the operator's origins only.
        HttpResponse<String> page = server.get("/widget/activities/loin-de-bachar-2020?lang=fr");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data: https://images.example.org;");
        Document activity = Jsoup.parse(page.body());
        assertThat(activity.selectFirst("article img").attr("src")).isEqualTo("https://images.example.org/bachar.jpg");
        assertThat(activity.selectFirst("script[type=application/ld+json]").data())
                .contains("\"image\"").contains("https://images.example.org/bachar.jpg")
                .contains("\"accessibilityFeature\":\"captions\"");
        // The feeds carry them too.
        assertThat(server.get("/widget/feed.json").body()).contains("\"image\"").contains("\"accessibility\"");
        assertThat(server.get("/widget/activities/loin-de-bachar-2020.ics").body())
                .contains("IMAGE;VALUE=URI:https://images.example.org/bachar.jpg");
        // Without origins listed, no picture loads, and the <img> with its text is still there.
        try (WidgetServer strict = WidgetServer.start(WidgetSettings.defaults())) {
            strict.serve(PicturesProgram.of());
            HttpResponse<String> refused = strict.get("/widget/activities/loin-de-bachar-2020?lang=fr");
            assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("img-src 'self' data:;");
            assertThat(Jsoup.parse(refused.body()).select("article img")).hasSize(1);
        }
    }

    @Test
    void accessibilityIsSaidInWordsAndFiltersTheList() throws Exception {
        Document french = Jsoup.parse(server.get("/widget/?lang=fr").body());
        assertThat(WidgetServletTest.activity(french, SampleProgram.MIGRATION_PANEL)
                .select(".jqsi-fact--accessibility li").eachText())
                .containsExactly("Interprétation en langue des signes (LSQ ou ASL)", "Sous-titres");
        // The form offers the features some activity has, and only those.
        assertThat(french.select("input[name=accessibility]").eachAttr("value"))
                .containsExactlyInAnyOrder("captions", "sign-language");

        Document captions = Jsoup.parse(server.get("/widget/?lang=en&accessibility=captions").body());
        assertThat(captions.select(".jqsi-activity")).hasSize(2);
        assertThat(captions.title()).isEqualTo("JQSI 2020 program — Captions");
        Document both = Jsoup.parse(server.get("/widget/?lang=en&accessibility=captions&accessibility=sign-language")
                .body());
        assertThat(both.select(".jqsi-activity")).hasSize(1);
        assertThat(both.select("input[name=accessibility][checked]")).hasSize(2);

        HttpResponse<String> bad = server.get("/widget/?lang=fr&accessibility=ramp");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select(".jqsi-problems li").text())
                .contains("accessibility").contains("« ramp »");
        assertThat(server.get("/widget/feed.json?accessibility=sign-language").body())
                .contains(SampleProgram.MIGRATION_PANEL).doesNotContain(SampleProgram.DHEEPAN);
    }
}
