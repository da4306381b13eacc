package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The widget's card for pages outside the widget: the same texts, no link into the widget, no calendar. */
class ActivityPreviewTest {

    @Test
    void theCardIsTheWidgetsInEachLanguageWithoutLinksIntoTheWidget() {
        Program program = Program.of(SampleProgram.data());
        Activity activity = program.activity(SampleProgram.SHORT_FILMS).orElseThrow();
        ActivityPreview preview = new ActivityPreview();

        Document fr = Jsoup.parseBodyFragment(preview.html(program, activity, Language.FR));
        Document en = Jsoup.parseBodyFragment(preview.html(program, activity, Language.EN));
        assertThat(fr.select("article.jqsi-activity > h1.jqsi-title").text())
                .isEqualTo(activity.title().in(Language.FR));
        assertThat(en.select("article.jqsi-activity > h1.jqsi-title").text())
                .isEqualTo(activity.title().in(Language.EN));
        assertThat(fr.select(".jqsi-fact--kind dt").text()).isEqualTo("Type");
        assertThat(en.select(".jqsi-fact--kind dt").text()).isEqualTo("Kind");
        assertThat(fr.select("a[data-jqsi-nav], .jqsi-calendar")).isEmpty();
        assertThat(ActivityPreview.styleSheet()).contains(".jqsi {");
    }
}
