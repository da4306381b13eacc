package org.jqsi.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
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
import org.jqsi.ical.EventHistory;
import org.jqsi.server.internal.DemoServlet;
import org.jqsi.server.internal.FeedGate;
import org.jqsi.server.internal.HealthServlet;
import org.jqsi.server.internal.PlainErrorPages;
import org.jqsi.server.internal.ProgramWatcher;
import org.jqsi.server.internal.TraceRefusal;
import org.jqsi.web.JqsiWidgetServlet;
import org.jqsi.web.WidgetSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /**
     * Made when the class is first used, before a startup has two threads logging: SLF4J set up by two at once
     * queues their first messages and warns about it on standard error.
     */
    private static final Logger LOG = LoggerFactory.getLogger(JqsiServer.class);

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        // Jetty's MemoryUtils pads some arrays to a cache line and, unless told how many references fill one, asks the
        // platform MBean server whether references are compressed: starting JMX for that was about 5 % of a start's
        // CPU. They are below 32 GiB of heap, the JVM's default (4 bytes each, else 8). A value the host set stays.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            int cacheLine = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            int reference = Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;
            System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(Math.max(1, cacheLine / reference)));
        }
    }

    /** Where the widget is mounted under the context path. */
    public static final String WIDGET_PATH = "/widget";

    private final Server jetty;
    private final ServerConnector connector;
    private final ServerSettings settings;
    private final ServletContextHandler context;
    private final ServletHolder widgetHolder;
    /** Set once, before Jetty starts: requests only come after. */
    private volatile CurrentProgram program;
    private ProgramWatcher watcher;

    /** Builds everything that does not need the program: Jetty, the widget, the demo page. */
    private JqsiServer(ServerSettings settings, Clock clock, EventHistory history,
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

        this.context = new ServletContextHandler();
        context.setContextPath(settings.contextPath().isEmpty() ? "/" : settings.contextPath());
        JqsiWidgetServlet widget = new JqsiWidgetServlet(() -> program.get(), widgetSettings(settings), clock,
                history);
        this.widgetHolder = new ServletHolder("widget", widget);
        // Initialised once the port is open (serve), not as Jetty starts: its init() starts loading the calendar time
        // zones on a thread of its own, which no page and no health check needs, and which took a sixth of the
        // start's CPU before the first answer while competing for the same two cores.
        context.addServlet(widgetHolder, WIDGET_PATH + "/*");
        // At most FeedGate.FEEDS_AT_ONCE feeds written at once, as HeapRule counts them (issue 22): beyond, 503.
        FilterHolder feedGate = new FilterHolder(new FeedGate());
        for (String feed : List.of("feed.ics", "feed.json", "feed.jsonld")) {
            context.addFilter(feedGate, WIDGET_PATH + "/" + feed, EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder("demo", new DemoServlet(settings)), "");
        extraServlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));

        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(512);
        gzip.setHandler(context);
        TraceRefusal noTrace = new TraceRefusal();
        noTrace.setHandler(gzip);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(noTrace);
        jetty.setHandler(graceful);
        // Jetty's own error pages repeat the request and can show exceptions; both the server's (bad requests
        // refused before any servlet) and the context's (unknown paths, sendError, uncaught exceptions) are ours.
        PlainErrorPages errors = new PlainErrorPages(settings.frameAncestors());
        jetty.setErrorHandler(errors);
        context.setErrorHandler(errors);
        jetty.setRequestLog(new CustomRequestLog(new Slf4jRequestLogWriter(), CustomRequestLog.EXTENDED_NCSA_FORMAT));
        jetty.setStopTimeout(settings.stopTimeout().toMillis());
        jetty.setStopAtShutdown(true);
    }

    /** Starts a server; it stops by {@link #stop()} or when the JVM is asked to end (SIGTERM). */
    public static JqsiServer start(ServerSettings settings, CurrentProgram program, Clock clock) throws Exception {
        return start(settings, program, clock, Map.of());
    }

    /** Starts a server with more servlets mounted beside jqsi's own (path spec to servlet), for hosts and tests. */
    public static JqsiServer start(ServerSettings settings, CurrentProgram program, Clock clock,
            Map<String, HttpServlet> extraServlets) throws Exception {
        Objects.requireNonNull(program, "program");
        JqsiServer server = new JqsiServer(settings, clock, EventHistory.inMemory(), new LinkedHashMap<>(extraServlets));
        server.serve(program);
        return server;
    }

    /**
     * Starts a server on a program that {@code load} reads, validates and returns: it runs on its own thread while
     * Jetty and the widget are built on this one, which shortens startup on a machine with more than one core (they
     * took about the same time). The port opens only once the program is loaded; when loading throws, so does this
     * method, and nothing is left listening.
     */
    public static JqsiServer start(ServerSettings settings, Callable<CurrentProgram> load, Clock clock)
            throws Exception {
        return start(settings, load, clock, EventHistory.inMemory());
    }

    /**
     * As {@link #start(ServerSettings, Callable, Clock)}, with the feeds' events remembered in a history: the
     * {@code serve} command keeps it beside the program file ({@link EventHistory#besideProgram}), so that a change
     * of an activity's start, end, zone, place or status raises its {@code SEQUENCE} across restarts too.
     */
    public static JqsiServer start(ServerSettings settings, Callable<CurrentProgram> load, Clock clock,
            EventHistory history) throws Exception {
        return start(settings, load, clock, history, Map.of());
    }

    /**
     * As {@link #start(ServerSettings, Callable, Clock, EventHistory)}, with more servlets mounted beside jqsi's own
     * (path spec to servlet): the {@code serve} command mounts the submissions' at {@code /submit/*}.
     */
    public static JqsiServer start(ServerSettings settings, Callable<CurrentProgram> load, Clock clock,
            EventHistory history, Map<String, HttpServlet> extraServlets) throws Exception {
        CompletableFuture<CurrentProgram> loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                loading.complete(Objects.requireNonNull(load.call(), "loaded program"));
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        }, "jqsi-program-loader");
        loader.setDaemon(true);
        loader.start();
        JqsiServer server = new JqsiServer(settings, clock, history, new LinkedHashMap<>(extraServlets));
        CurrentProgram program;
        try {
            program = loading.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        server.serve(program);
        return server;
    }

    /** Adds what needs the program, then opens the port and starts watching the program's source. */
    private void serve(CurrentProgram loaded) throws Exception {
        this.program = loaded;
        context.addServlet(new ServletHolder("health", new HealthServlet(loaded)), "/healthz");
        this.watcher = new ProgramWatcher(loaded, settings.reloadInterval(), settings.language());
        jetty.start();
        // Initialises the widget (its time zones start loading in the background) if no request has done it yet.
        widgetHolder.getServlet();
        watcher.start();
        LOG.debug("Serving program version {} on port {}", loaded.get().version(), port());
    }

    /** The program it serves, which its watcher reloads. */
    public CurrentProgram program() {
        return program;
    }

    /** The port it listens on (the one picked when the settings asked for any). */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The connections the server holds open now, whoever holds them up: how the tests see the idle timeout close a
     * client that stopped reading, without reading from it.
     */
    int openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    /** The address to open on this machine: {@code http://localhost:8080/}. */
    public URI localUri() {
        return URI.create("http://localhost:" + port() + settings.contextPath() + "/");
    }

    /** Stops taking requests, lets those in flight finish (up to the stop timeout), then stops. */
    public void stop() throws Exception {
        if (watcher != null) {
            watcher.stop();
        }
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
        WidgetSettings.Builder widget = WidgetSettings.builder().frameAncestors(settings.frameAncestors())
                .imageOrigins(settings.imageOrigins());
        if (settings.baseUrl() != null) {
            widget.baseUrl(URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + WIDGET_PATH + "/"));
        }
        return widget.build();
    }
}
