/**
 * jqsi-server: the runnable application. Embedded Jetty serves the widget for a program file, reloads the file when
 * it changes, and the {@code jqsi} command line checks, exports and imports programs.
 */
module org.jqsi.server {
    requires org.jqsi.core;
    requires org.jqsi.json;
    requires org.jqsi.files;
    requires org.jqsi.ical;
    requires org.jqsi.fetch;
    requires org.jqsi.web;
    requires org.jqsi.sheets;
    requires org.jqsi.jdbc;
    requires org.jqsi.web.submit;
    requires org.jqsi.search;
    requires org.jqsi.password;
    requires org.jqsi.web.review;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.eclipse.jetty.util;
    requires jakarta.servlet;
    requires gg.jte.runtime;
    // jte (3.2.4 and later) marks the generated template @javax.annotation.processing.Generated, a source-only
    // annotation: needed to compile, not to run.
    requires static java.compiler;
    requires info.picocli;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires com.fasterxml.jackson.databind;

    exports org.jqsi.server;

    provides ch.qos.logback.classic.spi.Configurator with org.jqsi.server.internal.ConsoleLogging;

    // picocli fills the commands' fields; jte loads the precompiled demo page.
    opens org.jqsi.server.internal.cli to info.picocli;
    opens org.jqsi.server.internal.templates to gg.jte.runtime;
}
