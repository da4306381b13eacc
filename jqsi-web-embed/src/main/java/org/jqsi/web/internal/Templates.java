package org.jqsi.web.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The widget's jte templates, compiled with the module by {@code jte-maven-plugin}: nothing is compiled at run time,
 * and all escaping is jte's, by context (text, attribute, URL attribute, script).
 */
final class Templates {

    private static final String PACKAGE = "org.jqsi.web.internal.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    /** The list page, as UTF-8 bytes. */
    public byte[] widget(WidgetView view) {
        // Room for the page around its cards (~10 KB, the filter form most of it) and the cards, whose length is
        // known: a page of a few cards (most pages of a search) no longer starts from 64 KB to zero and drop.
        int capacity = 16 * 1024;
        for (WidgetView.Day day : view.days()) {
            for (ListCard card : day.activities()) {
                capacity += card.length();
            }
        }
        for (ListCard card : view.undated()) {
            capacity += card.length();
        }
        Utf8Page out = new Utf8Page(capacity);
        engine.render("widget.jte", view, out);
        return out.toByteArray();
    }

    /** An activity's page, as UTF-8 bytes. */
    public byte[] activity(ActivityPageView view) {
        return bytes("activity.jte", view);
    }

    /**
     * An activity's card as the list shows it ({@code tag/card.jte}), its link to the activity's page cut where a
     * page puts its query ({@link CardBytes}).
     *
     * @param card the card, whose {@code href} is the activity's page without a query
     */
    public CardBytes listCard(ActivityCard card, Messages t) {
        CardBytes.Cutting out = new CardBytes.Cutting(new Utf8Page(4 * 1024), card.href());
        engine.render("tag/card.jte", Map.of("card", card, "t", t), out);
        return out.cut();
    }

    /** A choice of one of the filter form's lists, an {@code <option>} ({@link RenderedChoices}), as UTF-8 bytes. */
    public byte[] option(FilterForm.Option option) {
        return bytes("tag/option.jte", Map.<String, Object>of("o", option), 256);
    }

    /** An accessibility check box of the filter form ({@link RenderedChoices}), as UTF-8 bytes. */
    public byte[] check(FilterForm.Option option) {
        return bytes("tag/check.jte", Map.<String, Object>of("o", option), 512);
    }

    /**
     * A value as jte writes it in a link's address ({@code <a href>}): escaped for an attribute, in UTF-8. What a
     * {@link ListCard} puts at the end of its card's links.
     */
    public static byte[] inHref(String value) {
        Utf8Page page = new Utf8Page(value.length() + 32);
        OwaspHtmlTemplateOutput out = new OwaspHtmlTemplateOutput(page);
        out.setContext("a", "href");
        out.writeUserContent(value);
        return page.toByteArray();
    }

    public String error(ErrorView view) {
        return render("error.jte", view);
    }

    /** Renders straight into UTF-8 bytes ({@link Utf8Page} says why). */
    private byte[] bytes(String template, Object view) {
        Utf8Page out = new Utf8Page(64 * 1024);
        engine.render(template, view, out);
        return out.toByteArray();
    }

    private byte[] bytes(String template, Map<String, Object> parameters, int capacity) {
        Utf8Page out = new Utf8Page(capacity);
        engine.render(template, parameters, out);
        return out.toByteArray();
    }

    private String render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, view, out);
        return out.toString();
    }
}
