package org.jqsi.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A partner's site for the browser tests: another Jetty on another port of 127.0.0.1, so another origin than the
 * widget's, serving the pages of {@code src/test/resources/partner/} with their {@code ${NAME}} placeholders (the
 * widgets' addresses) filled in.
 */
final class PartnerSite implements AutoCloseable {

    private static final Pattern PAGE = Pattern.compile("/[a-z0-9-]+\\.html");

    private final Server server;
    private final int port;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    private PartnerSite(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static PartnerSite start() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        server.setHandler(context);
        server.start();
        PartnerSite site = new PartnerSite(server, connector.getLocalPort());
        context.addServlet(new ServletHolder(site.new Pages()), "/*");
        return site;
    }

    /** Fills {@code ${name}} in the pages with {@code value}. */
    PartnerSite with(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** The site's origin, as CSP {@code frame-ancestors} and CORS name it. */
    String origin() {
        return "http://127.0.0.1:" + port;
    }

    URI uri(String page) {
        return URI.create(origin() + "/" + page);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class Pages extends HttpServlet {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            InputStream in = PAGE.matcher(path).matches()
                    ? PartnerSite.class.getResourceAsStream("/partner" + path) : null;
            if (in == null) {
                response.sendError(404);
                return;
            }
            String page;
            try (in) {
                page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> value : values.entrySet()) {
                page = page.replace("${" + value.getKey() + "}", value.getValue());
            }
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(page);
        }
    }
}
