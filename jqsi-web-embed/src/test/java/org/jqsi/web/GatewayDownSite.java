package org.jqsi.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A widget's address whose server is down behind its proxy, for the browser tests: the proxy still serves the
 * cached {@code /widget/embed.js} it is given, and answers every other request with its own "502 Bad Gateway" page,
 * which is not the widget's and so never speaks to the page that frames it.
 */
final class GatewayDownSite implements AutoCloseable {

    private final Server server;
    private final int port;

    private GatewayDownSite(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static GatewayDownSite start(String embedScript) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Proxy(embedScript)), "/*");
        server.setHandler(context);
        server.start();
        return new GatewayDownSite(server, connector.getLocalPort());
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Proxy extends HttpServlet {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String embedScript;

        Proxy(String embedScript) {
            this.embedScript = embedScript;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("/widget/embed.js".equals(request.getRequestURI())) {
                response.setContentType("text/javascript;charset=UTF-8");
                response.getWriter().write(embedScript);
                return;
            }
            response.setStatus(502);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>502 Bad Gateway</title></head>"
                    + "<body><h1>502 Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>");
        }
    }
}
