package org.jqsi.web.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

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
        return bytes("widget.jte", view);
    }

    /** An activity's page, as UTF-8 bytes. */
    public byte[] activity(ActivityPageView view) {
        return bytes("activity.jte", view);
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

    private String render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, view, out);
        return out.toString();
    }
}
