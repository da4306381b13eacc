/**
 * jqsi-web-submit: submissions over HTTP, as a Jakarta Servlet 6 component kept apart from the widget: the JSON API
 * through which organisations propose activities, the form through which people do, and the private status page of
 * each submission, where its submitter edits or withdraws it.
 */
module org.jqsi.web.submit {
    requires transitive org.jqsi.core;
    requires transitive jakarta.servlet;
    // Who sent a request and in which language to answer it: read as the widget and the review pages read them.
    requires org.jqsi.web;
    requires org.jqsi.json;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires gg.jte.runtime;
    // jte marks the generated templates @javax.annotation.processing.Generated, a source-only annotation.
    requires static java.compiler;
    // Only JqsiWebSubmitModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.web.submit;

    // Guice calls the module's providers; jte loads the precompiled templates by reflection.
    opens org.jqsi.web.submit to com.google.guice;
    opens org.jqsi.web.submit.internal.templates to gg.jte.runtime;
    opens org.jqsi.web.submit.internal.templates.tag to gg.jte.runtime;
}
