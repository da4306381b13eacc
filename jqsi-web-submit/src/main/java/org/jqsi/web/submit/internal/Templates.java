package org.jqsi.web.submit.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The pages' jte templates, compiled with the module by {@code jte-maven-plugin}: nothing is compiled at run time,
 * and all escaping is jte's, by context.
 */
final class Templates {

    private static final String PACKAGE = "org.jqsi.web.submit.internal.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    String guide(GuideView view) {
        return render("guide.jte", view);
    }

    String status(StatusView view) {
        return render("status.jte", view);
    }

    String form(FormPageView view) {
        return render("form.jte", view);
    }

    String message(MessageView view) {
        return render("message.jte", view);
    }

    String notFound(NotFoundView view) {
        return render("notFound.jte", view);
    }

    private String render(String template, Object view) {
        StringOutput out = new StringOutput(8 * 1024);
        engine.render(template, view, out);
        return out.toString();
    }
}
