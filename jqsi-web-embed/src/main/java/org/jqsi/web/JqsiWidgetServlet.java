package org.jqsi.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;
import org.jqsi.web.internal.WidgetRoutes;

/**
 * The JQSI widget as a servlet. Mount it at a path of its own ({@code /widget/*}) or at the root of a context
 * ({@code /*}); every route is relative to that mount:
 *
 * <ul>
 *   <li>{@code /} the activities matching the request's filters, grouped by day, with a filter form;</li>
 *   <li>{@code /activities/{id}} an activity's page, with its schema.org JSON-LD;</li>
 *   <li>{@code /embed.js} the script partner sites paste;</li>
 *   <li>{@code /assets/{name}.{hash}.{css|js}} static files, cached for a year.</li>
 * </ul>
 *
 * <p>The program is read from the supplier on every request, so a reload of a
 * {@link org.jqsi.core.program.CurrentProgram} shows up on the next one. The servlet holds no request state and
 * serves any number of threads.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/");
 * context.addServlet(new ServletHolder(new JqsiWidgetServlet(currentProgram, WidgetSettings.defaults(),
 *         Clock.systemUTC())), "/widget/*");
 * }</pre>
 */
public final class JqsiWidgetServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient WidgetRoutes routes;
    private final transient WidgetSettings settings;

    /**
     * @param program the program to serve, read on every request ({@link org.jqsi.core.program.CurrentProgram})
     * @param settings how to serve it
     * @param clock what "now" is: it picks the edition shown when a request names none
     */
    public JqsiWidgetServlet(Supplier<Program> program, WidgetSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.routes = new WidgetRoutes(Objects.requireNonNull(program, "program"), settings,
                Objects.requireNonNull(clock, "clock"));
    }

    /** With the system clock in Eastern time. */
    public JqsiWidgetServlet(Supplier<Program> program, WidgetSettings settings) {
        this(program, settings, Clock.system(Region.EASTERN));
    }

    /** The settings it serves with. */
    public WidgetSettings settings() {
        return settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.get(request, response);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        routes.options(request, response);
    }
}
