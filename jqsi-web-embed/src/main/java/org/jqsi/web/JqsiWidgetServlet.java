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
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.WebCalendarLinks;
import org.jqsi.ical.EventHistory;
import org.jqsi.ical.IcalSettings;
import org.jqsi.web.internal.WidgetRoutes;

/**
 * The JQSI widget as a servlet. Mount it at a path of its own ({@code /widget/*}) or at the root of a context
 * ({@code /*}); every route is relative to that mount:
 *
 * <ul>
 *   <li>{@code /} the activities matching the request's filters, grouped by day, with a filter form;</li>
 *   <li>{@code /activities/{id}} an activity's page, with its schema.org JSON-LD;</li>
 *   <li>{@code /activities/{id}.ics} its calendar file;</li>
 *   <li>{@code /feed.ics}, {@code /feed.json}, {@code /feed.jsonld} every activity matching the same filters as
 *       the list, as a subscribable calendar, as a program file and as schema.org JSON-LD;</li>
 *   <li>{@code /embed.js} the script partner sites paste;</li>
 *   <li>{@code /assets/{name}.{hash}.{css|js}} static files, cached for a year.</li>
 * </ul>
 *
 * <p>The program is read from the supplier on every request, so a reload of a
 * {@link org.jqsi.core.program.CurrentProgram} shows up on the next one. The servlet holds no request state and
 * serves any number of threads.
 *
 * <p>Hosts without Guice build it with one of its constructors; {@link JqsiWebEmbedModule} provides it to hosts with
 * Guice.
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

    /**
     * The largest feed ({@code feed.ics}, {@code feed.json}, {@code feed.jsonld}) built in memory, in bytes: one that
     * stays within it is kept in the cache ({@link WidgetSettings#cacheBytes()}) and sent with its length; a larger one
     * is sent as it is written, activity by activity, and not kept. A feed being written so holds at most about three
     * times this much, whatever the program's size: what a host counts per feed served at once.
     */
    public static final int KEPT_FEED_BYTES = 1024 * 1024;

    private final transient WidgetRoutes routes;
    private final transient WidgetSettings settings;
    private final transient CalendarExporter calendars;

    /**
     * @param program the program to serve, read on every request ({@link org.jqsi.core.program.CurrentProgram})
     * @param settings how to serve it
     * @param clock what "now" is: it picks the edition shown when a request names none
     */
    public JqsiWidgetServlet(Supplier<Program> program, WidgetSettings settings, Clock clock) {
        this(program, settings, clock, EventHistory.inMemory());
    }

    /**
     * With the versions of the published events remembered in a history, so that a change of an activity's start,
     * end, zone, place or status raises its {@code SEQUENCE} in the feeds across restarts too
     * ({@link EventHistory#inFile}).
     */
    public JqsiWidgetServlet(Supplier<Program> program, WidgetSettings settings, Clock clock, EventHistory history) {
        this(program, settings, clock, new CalendarExporter(icalSettingsFor(settings), history, clock),
                new WebCalendarLinks(icalSettingsFor(settings)));
    }

    /**
     * With the calendar adapters of the host's {@link org.jqsi.ical.JqsiIcalModule}, so that the widget's feeds carry
     * the same event UIDs, product id and refresh interval as the host's own.
     *
     * @param calendars writes the {@code .ics} feeds and files
     * @param calendarLinks makes the Google Calendar and Outlook links
     */
    public JqsiWidgetServlet(Supplier<Program> program, WidgetSettings settings, Clock clock,
            CalendarExporter calendars, WebCalendarLinks calendarLinks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.routes = new WidgetRoutes(Objects.requireNonNull(program, "program"), settings,
                Objects.requireNonNull(clock, "clock"), calendars,
                Objects.requireNonNull(calendarLinks, "calendarLinks"));
    }

    /** jqsi-ical's defaults, in the widget's default language and pointing at the widget. */
    private static IcalSettings icalSettingsFor(WidgetSettings settings) {
        IcalSettings ical = IcalSettings.defaults().withDefaultLanguage(settings.defaultLanguage());
        return settings.baseUrl() == null ? ical : ical.withUrl(settings.baseUrl());
    }

    /** With the system clock in Eastern time. */
    public JqsiWidgetServlet(Supplier<Program> program, WidgetSettings settings) {
        this(program, settings, Clock.system(Region.EASTERN));
    }

    /**
     * Loads the calendar time zones on a background thread, so that neither the container's startup nor the first
     * {@code .ics} subscriber waits for them. A failure is logged here and met again, as an error response, by the
     * first feed.
     */
    @Override
    public void init() {
        Thread warmUp = new Thread(() -> {
            try {
                calendars.warmUp();
            } catch (RuntimeException e) {
                log("jqsi: the calendar time zones could not be loaded ahead of the first feed", e);
            }
        }, "jqsi-calendar-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The settings it serves with. */
    public WidgetSettings settings() {
        return settings;
    }

    /**
     * {@code GET} and {@code HEAD} read, {@code OPTIONS} says what may be done (and answers CORS preflights); every
     * other method is refused with {@code 405} and {@code Allow}: {@code TRACE} in particular, which the servlet API
     * would otherwise answer by echoing the request's headers, cookies and credentials included.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getMethod()) {
            case "GET" -> doGet(request, response);
            case "HEAD" -> doHead(request, response);
            case "OPTIONS" -> doOptions(request, response);
            default -> routes.refuse(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.get(request, response);
    }

    /** The same headers as a {@code GET}, without the body: the widget's routes answer it themselves. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.get(request, response);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.options(request, response);
    }
}
