package org.jqsi.web.submit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.Program;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.web.testing.MutableClock;

/**
 * The real servlet in an embedded Jetty 12 on 127.0.0.1 and a random port, mounted at {@code /submit/*}, on the
 * shipped sample program with one activity that an approved submission published ({@link #PUBLISHED}) and one of the
 * program file's, and a clock the tests move.
 */
final class SubmitServer implements AutoCloseable {

    /** An activity that an approved submission published: it can be changed or cancelled through the API. */
    static final String PUBLISHED = "atelier-publie-par-soumission";
    static final String PUBLISHED_BY = "s-0000000001";

    private final Server server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    final MutableClock clock;
    final AtomicReference<Program> program;

    private SubmitServer(Server server, int port, MutableClock clock, AtomicReference<Program> program) {
        this.server = server;
        this.port = port;
        this.clock = clock;
        this.program = program;
    }

    static SubmitServer start(SubmissionStore store, SubmitSettings settings) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T17:00:00Z"));
        AtomicReference<Program> program = new AtomicReference<>(served());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new SubmissionServlet(store, program::get, new ProgramValidator(),
                settings, clock)), "/submit/*");
        server.setHandler(context);
        server.start();
        return new SubmitServer(server, connector.getLocalPort(), clock, program);
    }

    /** The sample program, with an activity an approved submission published. */
    static Program served() throws Exception {
        ProgramData sample = ProgramFileSource.sample().read();
        List<Activity> activities = new ArrayList<>(sample.activities());
        activities.add(Activity.builder(PUBLISHED).edition("jqsi-2021").kind(ActivityKind.WORKSHOP)
                .title(LocalizedText.of("Atelier publié", "Published workshop"))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 12, 19, 0),
                        LocalDateTime.of(2021, 11, 12, 21, 0), Region.EASTERN))
                .region(Region.MAURICIE).origin(Origin.submission(PUBLISHED_BY)).build());
        return Program.of(new ProgramData(sample.editions(), sample.partners(), activities));
    }

    int port() {
        return port;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), headers);
    }

    /** A submission's body, as JSON in UTF-8, with more headers ({@code Accept-Language}...). */
    HttpResponse<String> post(String json, String... headers) throws IOException, InterruptedException {
        return postAs("application/json", json, headers);
    }

    HttpResponse<String> postAs(String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/submit/"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers)
            throws IOException, InterruptedException {
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
