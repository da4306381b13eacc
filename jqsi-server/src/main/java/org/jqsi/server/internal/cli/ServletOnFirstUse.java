package org.jqsi.server.internal.cli;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.Serial;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A servlet mounted before it can be made, and made by its first request: {@code serve} mounts the submissions' and
 * the reviewers' servlets so, since they need the database (opened beside the rest of startup) and the program's
 * validator, and making them (their templates, the password hasher's random source, the form's signing key read from
 * the database) is work that neither the widget nor the health check needs. The maker is handed over on the loading
 * thread, before the port opens; the first request makes and initialises the real servlet, the others wait for it.
 * A maker that throws fails that request, and the next one tries again.
 */
final class ServletOnFirstUse extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient CompletableFuture<Supplier<HttpServlet>> maker = new CompletableFuture<>();
    private transient volatile HttpServlet servlet;

    /** What makes the servlet that answers, on the first request. */
    void ready(Supplier<HttpServlet> make) {
        maker.complete(Objects.requireNonNull(make, "make"));
    }

    /** The servlet, made and initialised by the first caller. */
    private HttpServlet servlet() throws ServletException {
        HttpServlet made = servlet;
        if (made == null) {
            synchronized (this) {
                made = servlet;
                if (made == null) {
                    made = maker.join().get();
                    made.init(getServletConfig());
                    servlet = made;
                }
            }
        }
        return made;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        servlet().service(request, response);
    }

    @Override
    public void destroy() {
        HttpServlet made = servlet;
        if (made != null) {
            made.destroy();
        }
    }
}
