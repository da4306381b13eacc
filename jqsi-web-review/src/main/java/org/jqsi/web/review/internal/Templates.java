package org.jqsi.web.review.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The pages' jte templates, compiled with the module by {@code jte-maven-plugin}: nothing is compiled at run time,
 * and all escaping is jte's, by context.
 */
final class Templates {

    private static final String PACKAGE = "org.jqsi.web.review.internal.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    String login(LoginView view) {
        return render("login.jte", view);
    }

    String list(ListView view) {
        return render("list.jte", view);
    }

    String submission(SubmissionView view) {
        return render("submission.jte", view);
    }

    String problem(ProblemView view) {
        return render("problem.jte", view);
    }

    private String render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, view, out);
        return out.toString();
    }
}
