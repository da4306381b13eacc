package org.jqsi.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jqsi.core.program.Program;
import org.jqsi.json.ProgramFileSource;

/**
 * The real servlet in an embedded Jetty 12 on 127.0.0.1 and a random port, mounted at {@code /widget/*}, with the
 * shipped sample program, which tests can swap as a reload would. Optionally serves a directory of static files (a host page) at
 * the root of the same server.
 */
final class WidgetServer implements AutoCloseable {

    /** Ten days after the 2021 edition: no edition is running or coming, so the widget shows 2020's. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

    private final Server server;
    private final AtomicReference<Program> program;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    private WidgetServer(Server server, AtomicReference<Program> program, int port) {
        this.server = server;
        this.program = program;
        this.port = port;
    }

    static WidgetServer start(WidgetSettings settings) throws Exception {
        return start(settings, null);
    }

    static WidgetServer start(WidgetSettings settings, Path staticFiles) throws Exception {
        // The sample program as shipped (jqsi-json's program.json), the one jqsi-server demonstrates.
        AtomicReference<Program> program = new AtomicReference<>(Program.of(ProgramFileSource.sample().read()));
        Supplier<Program> current = program::get;
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new JqsiWidgetServlet(current, settings, CLOCK)), "/widget/*");
        if (staticFiles != null) {
            ServletHolder files = new ServletHolder("host", DefaultServlet.class);
            files.setInitParameter("baseResource", staticFiles.toUri().toString());
            files.setInitParameter("dirAllowed", "false");
            context.addServlet(files, "/");
        }
        server.setHandler(context);
        server.start();
        return new WidgetServer(server, program, connector.getLocalPort());
    }

    /** Serves another program from the next request on, as {@code CurrentProgram.reload()} would. */
    void serve(Program next) {
        program.set(next);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, headers);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
