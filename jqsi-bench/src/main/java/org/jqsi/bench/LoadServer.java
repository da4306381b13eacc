package org.jqsi.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.server.JqsiServer;
import org.jqsi.search.WordFormSearch;
import org.jqsi.server.ServerSettings;

/**
 * The server the load script measures: the real {@link JqsiServer} on a generated program, on 127.0.0.1, with one
 * more servlet at {@code /fixed/} that answers with the bytes of a widget response fetched at start, precomputed:
 * what the machine and Jetty can do at best for a response of that size, the limit each route is compared with.
 * {@code /fixed/page}, {@code /fixed/ics} and {@code /fixed/json} hold the bytes of {@link #PAGE}, {@link #ICS} and
 * {@link #JSON}; {@code ?bytes=N} answers with their first N bytes only, to compare with responses of another size
 * (load.sh's {@code fixed-distinct}: the size of an average {@code distinct.lua} response).
 *
 * <pre>java -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.LoadServer 10000 18080</pre>
 */
public final class LoadServer {

    /** The widget page measured: one edition, first page. */
    static final String PAGE = "/widget/?edition=" + Programs.EDITION;
    /** The region calendar feed measured: every edition of one region. */
    static final String ICS = "/widget/feed.ics?edition=all&region=06";
    /** The JSON feed measured, the same activities. */
    static final String JSON = "/widget/feed.json?edition=all&region=06";

    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.MEDIUM;
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 18080;
        Clock clock = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);
        // Text queries as `jqsi serve` answers them: French and English word forms (jqsi-search), not the core's
        // accent folding; distinct.lua asks a word in 7 requests of 8.
        CurrentProgram program = CurrentProgram.load(ProgramSource.of("generated " + size, Programs.data(size)),
                new ProgramValidator(), new WordFormSearch(), clock);
        Fixed fixed = new Fixed();
        JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(port),
                program, clock, Map.of("/fixed/*", fixed));
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder sizes = new StringBuilder();
        for (Map.Entry<String, String> route : Map.of("page", PAGE, "ics", ICS, "json", JSON).entrySet()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + route.getValue())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                System.out.println("failed " + response.statusCode() + " " + route.getValue());
                System.exit(1);
            }
            fixed.bodies.put("/" + route.getKey(), new Fixed.Body(response.body(),
                    response.headers().firstValue("Content-Type").orElseThrow()));
            sizes.append(' ').append(route.getKey()).append('=').append(response.body().length);
        }
        System.out.println("ready 200" + sizes);
        server.join();
    }

    /** Responses of the same size and type as the widget's, computed once. */
    static final class Fixed extends HttpServlet {
        private static final long serialVersionUID = 1L;

        record Body(byte[] bytes, String contentType) {
        }

        final Map<String, Body> bodies = new ConcurrentHashMap<>();

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Body body = request.getPathInfo() == null ? null : bodies.get(request.getPathInfo());
            if (body == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            int length = body.bytes().length;
            String bytes = request.getParameter("bytes");
            if (bytes != null) {
                length = Math.min(length, Integer.parseInt(bytes));
            }
            response.setContentType(body.contentType());
            response.setContentLength(length);
            response.getOutputStream().write(body.bytes(), 0, length);
        }
    }
}
