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

    public String widget(WidgetView view) {
        return render("widget.jte", view);
    }

    public String activity(ActivityPageView view) {
        return render("activity.jte", view);
    }

    public String error(ErrorView view) {
        return render("error.jte", view);
    }

    private String render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, view, out);
        return out.toString();
    }
}
