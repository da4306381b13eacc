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
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.server.JqsiServer;
import org.jqsi.server.ServerSettings;

/**
 * The server the load script measures: the real {@link JqsiServer} on a generated program, on 127.0.0.1, with one
 * more servlet at {@code /fixed} that answers every request with the bytes of one widget page fetched at start,
 * precomputed: what the machine and Jetty can do at best, the limit the widget is compared with.
 *
 * <pre>java -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.LoadServer 10000 18080</pre>
 */
public final class LoadServer {

    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.MEDIUM;
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 18080;
        Clock clock = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);
        CurrentProgram program = CurrentProgram.load(ProgramSource.of("generated " + size, Programs.data(size)),
                new ProgramValidator(), clock);
        Fixed fixed = new Fixed();
        JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(port),
                program, clock, Map.of("/fixed/*", fixed));
        HttpResponse<byte[]> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/widget/?edition=" + Programs.EDITION)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        fixed.body = page.body();
        System.out.println("ready " + page.statusCode() + " " + page.body().length + " bytes");
        server.join();
    }

    /** The same number of bytes as a widget page, computed once. */
    static final class Fixed extends HttpServlet {
        private static final long serialVersionUID = 1L;
        volatile byte[] body = new byte[0];

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] bytes = body;
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
