package org.jqsi.server;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.server.internal.DemoServlet;
import org.jqsi.server.internal.HealthServlet;
import org.jqsi.server.internal.PlainErrorPages;
import org.jqsi.server.internal.ProgramWatcher;
import org.jqsi.web.JqsiWidgetServlet;
import org.jqsi.web.WidgetServletFactory;
import org.jqsi.web.WidgetSettings;

/**
 * The jqsi server: embedded Jetty with the widget at {@code /widget/}, the health check at {@code /healthz} and a
 * demo page at {@code /}, all under the configured context path; it watches the program's source and reloads it.
 *
 * <pre>{@code
 * JqsiServer server = JqsiServer.start(ServerSettings.defaults(), current, Clock.systemUTC());
 * ...
 * server.stop();   // requests in flight finish first
 * }</pre>
 */
public final class JqsiServer implements AutoCloseable {

    /** Where the widget is mounted under the context path. */
    public static final String WIDGET_PATH = "/widget";

    private final Server jetty;
    private final ServerConnector connector;
    private final ServerSettings settings;
    private final ProgramWatcher watcher;

    private JqsiServer(ServerSettings settings, CurrentProgram program, Clock clock,
            Map<String, HttpServlet> extraServlets) {
        this.settings = settings;
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 4);
        threads.setName("jqsi");
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // A client that stops sending or reading must not hold its connection for long (see ServerSettings).
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        jetty.addConnector(connector);
        // Beyond this many open connections, new ones wait in the kernel's backlog instead of eating memory here.
        jetty.addBean(new NetworkConnectionLimit(settings.maxThreads() + settings.maxQueued(), connector));

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(settings.contextPath().isEmpty() ? "/" : settings.contextPath());
        JqsiWidgetServlet widget = WidgetServletFactory.create(program, widgetSettings(settings), clock);
        context.addServlet(new ServletHolder("widget", widget), WIDGET_PATH + "/*");
        context.addServlet(new ServletHolder("health", new HealthServlet(program)), "/healthz");
        context.addServlet(new ServletHolder("demo", new DemoServlet(settings)), "");
        extraServlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));

        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(512);
        gzip.setHandler(context);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(gzip);
        jetty.setHandler(graceful);
        // Jetty's own error pages repeat the request and can show exceptions; both the server's (bad requests
        // refused before any servlet) and the context's (unknown paths, sendError, uncaught exceptions) are ours.
        PlainErrorPages errors = new PlainErrorPages(settings.frameAncestors());
        jetty.setErrorHandler(errors);
        context.setErrorHandler(errors);
        jetty.setRequestLog(new CustomRequestLog(new Slf4jRequestLogWriter(), CustomRequestLog.EXTENDED_NCSA_FORMAT));
        jetty.setStopTimeout(settings.stopTimeout().toMillis());
        jetty.setStopAtShutdown(true);
        this.watcher = new ProgramWatcher(program, settings.reloadInterval());
    }

    /** Starts a server; it stops by {@link #stop()} or when the JVM is asked to end (SIGTERM). */
    public static JqsiServer start(ServerSettings settings, CurrentProgram program, Clock clock) throws Exception {
        return start(settings, program, clock, Map.of());
    }

    /** Starts a server with more servlets mounted beside jqsi's own (path spec to servlet), for hosts and tests. */
    public static JqsiServer start(ServerSettings settings, CurrentProgram program, Clock clock,
            Map<String, HttpServlet> extraServlets) throws Exception {
        Objects.requireNonNull(program, "program");
        JqsiServer server = new JqsiServer(settings, program, clock, new LinkedHashMap<>(extraServlets));
        server.jetty.start();
        server.watcher.start();
        return server;
    }

    /** The port it listens on (the one picked when the settings asked for any). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address to open on this machine: {@code http://localhost:8080/}. */
    public URI localUri() {
        return URI.create("http://localhost:" + port() + settings.contextPath() + "/");
    }

    /** Stops taking requests, lets those in flight finish (up to the stop timeout), then stops. */
    public void stop() throws Exception {
        watcher.stop();
        jetty.stop();
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static WidgetSettings widgetSettings(ServerSettings settings) {
        WidgetSettings.Builder widget = WidgetSettings.builder().frameAncestors(settings.frameAncestors());
        if (settings.baseUrl() != null) {
            widget.baseUrl(URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + WIDGET_PATH + "/"));
        }
        return widget.build();
    }
}
