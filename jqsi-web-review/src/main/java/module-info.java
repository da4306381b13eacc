/**
 * jqsi-web-review: the reviewers' pages, as a Jakarta Servlet 6 component: regional coordinators and administrators
 * log in, see the submissions of their regions as the widget will show them, and approve them, ask for changes or
 * refuse them.
 */
module org.jqsi.web.review {
    requires transitive org.jqsi.core;
    requires transitive jakarta.servlet;
    requires org.jqsi.web;
    requires org.jqsi.json;
    requires com.fasterxml.jackson.databind;
    requires gg.jte.runtime;
    // jte marks the generated templates @javax.annotation.processing.Generated, a source-only annotation.
    requires static java.compiler;
    // Only JqsiWebReviewModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.web.review;

    // Guice calls the module's providers; jte loads the precompiled templates by reflection.
    opens org.jqsi.web.review to com.google.guice;
    opens org.jqsi.web.review.internal.templates to gg.jte.runtime;
    opens org.jqsi.web.review.internal.templates.tag to gg.jte.runtime;
}
