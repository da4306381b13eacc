package org.jqsi.web.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;

/**
 * One activity's card as the widget's activity page shows it ({@code tag/card.jte}, standalone), for pages outside the
 * widget that show an activity before it is published ({@link org.jqsi.web.ActivityPreview}): no link into the widget,
 * no "add to my calendar". Thread-safe.
 */
public final class CardPreview {

    private static final Assets ASSETS = new Assets();
    private static final String STYLE_SHEET =
            new String(ASSETS.named("widget.css").content(), StandardCharsets.UTF_8);

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            CardPreview.class.getClassLoader(), "org.jqsi.web.internal.templates");

    /** The card's HTML: an {@code <article>} with an {@code <h1>} title. */
    public String html(Program program, Activity activity, Language language) {
        // The card needs addresses for its links; a standalone card without a calendar has none.
        ActivityCards cards = new ActivityCards(program, language, new WidgetAddresses("", ASSETS), (a, l) -> null,
                new TreeMap<>());
        StringOutput out = new StringOutput(4 * 1024);
        engine.render("tag/card.jte", Map.of("card", cards.card(activity), "t", Messages.of(language),
                "standalone", true), out);
        return out.toString();
    }

    /** The widget's style sheet ({@code widget.css}), whose rules apply inside an element of class {@code jqsi}. */
    public static String styleSheet() {
        return STYLE_SHEET;
    }

}
