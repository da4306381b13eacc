package org.jqsi.server.internal.cli;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.Serial;
import java.util.concurrent.CompletableFuture;

/**
 * A servlet mounted before it can be made, because it needs what is opened while the program loads (the database):
 * {@code serve} opens the database beside the rest of startup instead of before it, and hands the real servlet
 * over on the loading thread. Jetty starts, and so initialises and calls this, only once the program is loaded, by
 * which time the real servlet has been handed over.
 */
final class ServletOnceReady extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient CompletableFuture<HttpServlet> servlet = new CompletableFuture<>();

    /** The servlet that answers from now on. */
    void ready(HttpServlet real) {
        servlet.complete(real);
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        servlet.join().init(config);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        servlet.join().service(request, response);
    }

    @Override
    public void destroy() {
        if (servlet.isDone() && !servlet.isCompletedExceptionally()) {
            servlet.join().destroy();
        }
    }
}
