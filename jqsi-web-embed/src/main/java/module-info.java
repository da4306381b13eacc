/**
 * jqsi-web-embed: the widget that partner sites embed, as a Jakarta Servlet 6 component.
 */
module org.jqsi.web {
    requires transitive org.jqsi.core;
    requires transitive jakarta.servlet;
    requires transitive org.jqsi.ical;
    requires org.jqsi.json;
    // JsonError writes the feeds' error bodies with Jackson's generator (jqsi-json's escapes).
    requires com.fasterxml.jackson.core;
    requires gg.jte.runtime;
    // jte (3.2.4 and later) marks the generated templates @javax.annotation.processing.Generated, a source-only
    // annotation: needed to compile, not to run.
    requires static java.compiler;
    requires com.github.benmanes.caffeine;
    // Only JqsiWebEmbedModule uses Guice: optional at run time (see jqsi-core's module-info).
    requires static com.google.guice;

    exports org.jqsi.web;
    exports org.jqsi.web.http;

    // Guice calls the module's providers; jte loads the precompiled templates by reflection.
    opens org.jqsi.web to com.google.guice;
    opens org.jqsi.web.internal.templates to gg.jte.runtime;
    opens org.jqsi.web.internal.templates.tag to gg.jte.runtime;
}
