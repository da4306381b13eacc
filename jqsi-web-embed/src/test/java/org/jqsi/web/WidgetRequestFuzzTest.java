package org.jqsi.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.jqsi.core.program.Program;
import org.jqsi.json.ProgramFileSource;

/**
 * Coverage-guided fuzzing of the widget's request handling, through the real servlet in Jetty (a
 * {@link LocalConnector}, no socket): any query string, route and {@code Accept-Language} header gets an answer
 * below 500, in bounded time, that shows no stack trace. The query-parameter parsing ({@code RequestReader}) is what
 * most of the input reaches.
 *
 * <p>A normal test run replays the seeds in {@code src/test/resources/org/jqsi/web/WidgetRequestFuzzTestInputs/request/};
 * the "fuzz" surefire execution fuzzes for a few seconds. Longer runs: {@code docs/reliability.md}.
 */
class WidgetRequestFuzzTest {

    private static final List<String> ROUTES = List.of("/widget/", "/widget/feed.ics", "/widget/feed.json",
            "/widget/feed.jsonld", "/widget/activities/loin-de-bachar-2020", "/widget/activities/dheepan-2020.ics",
            "/widget/embed.js", "/widget/assets/", "/widget/nowhere");

    private static LocalConnector connector;

    private static synchronized LocalConnector connector() throws Exception {
        if (connector == null) {
            Program program = Program.of(ProgramFileSource.sample().read());
            Server server = new Server();
            LocalConnector local = new LocalConnector(server);
            server.addConnector(local);
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(new JqsiWidgetServlet(() -> program,
                    WidgetSettings.defaults(), WidgetServer.CLOCK)), "/widget/*");
            server.setHandler(context);
            server.start();
            connector = local;
        }
        return connector;
    }

    @FuzzTest(maxDuration = "5s")
    void request(FuzzedDataProvider data) throws Exception {
        String route = data.pickValue(ROUTES);
        String language = printable(data.consumeString(40));
        String query = queryString(data.consumeRemainingAsString());
        String request = "GET " + route + "?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (language.isEmpty() ? "" : "Accept-Language: " + language + "\r\n")
                + "Connection: close\r\n\r\n";
        // A bound against a request that never ends, not a speed: the first page or feed of a run (the time zones
        // loading, the instrumented classes warming up) can take many seconds on a loaded machine.
        String response = connector().getResponse(request, 2, TimeUnit.MINUTES);
        if (response == null) {
            throw new AssertionError("no response within 2 minutes to " + request);
        }
        int status = Integer.parseInt(response.substring(9, 12));
        if (status >= 500) {
            throw new AssertionError(status + " for " + request + "\n" + response);
        }
        for (String leak : List.of("Exception", "\tat ", "at org.", "at java.", "/work/", "/home/", "/tmp/")) {
            // A word the request itself carries may be echoed back (escaped) in an error message: not a leak.
            if (response.contains(leak) && !request.contains(leak) && !decoded(query).contains(leak)) {
                throw new AssertionError("the response shows \"" + leak + "\" for " + request + "\n" + response);
            }
        }
    }

    /** Visible ASCII as is (so the fuzzer builds '&', '=', '%' structure itself), anything else percent-encoded. */
    private static String queryString(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '#') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * The query as the widget reads its values: each well-formed {@code %XX} decoded, a malformed one left as it is,
     * {@code +} as a space. Decoding the whole request with {@link java.net.URLDecoder} gave up on the first bad
     * escape (one in {@code Accept-Language} was enough), so a word echoed from a parameter counted as a leak: the
     * seed {@code echoed-at-org} has "kind=…iat%20org.on" echoed as "…iat org.on" in a 400.
     */
    private static String decoded(String query) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%' && i + 2 < query.length() && Character.digit(query.charAt(i + 1), 16) >= 0
                    && Character.digit(query.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(query.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                // The query is ASCII: queryString percent-encodes everything else.
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String printable(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.chars().filter(c -> c >= 0x20 && c < 0x7f).forEach(c -> out.append((char) c));
        return out.toString().strip();
    }
}
