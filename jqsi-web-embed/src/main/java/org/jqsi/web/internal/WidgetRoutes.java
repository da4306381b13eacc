package org.jqsi.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.program.Program;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.WebCalendarLinks;
import org.jqsi.web.WidgetSettings;

/**
 * Answers the widget's requests: a table of routes (a path pattern inside the widget and its handler), tried in
 * order, then the not-found page. Pages, feeds and static files each have their handler; every one of them answers
 * through the same {@link ConditionalGet}, and every response carries the security headers.
 */
public final class WidgetRoutes {

    /**
     * A route: the paths it serves, relative to where the widget is mounted, and what answers them.
     *
     * @param path the paths, matched whole; a group, when there is one, is the part the handler is given
     * @param handler what answers
     */
    record Route(Pattern path, Handler handler) {
    }

    /** Answers a request on a route, given the part of the path the route's group matched, or "". */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange x, String part) throws IOException;
    }

    private final Supplier<Program> programs;
    private final WidgetSettings settings;
    private final RequestReader reader;
    private final Assets assets = new Assets();
    private final SecurityHeaders security;
    private final ErrorResponses errors;
    private final List<Route> routes;

    public WidgetRoutes(Supplier<Program> programs, WidgetSettings settings, Clock clock,
            CalendarExporter calendars, WebCalendarLinks calendarLinks) {
        this.programs = programs;
        this.settings = settings;
        this.reader = new RequestReader(settings.defaultLanguage(), settings.pageSize(), clock);
        this.security = new SecurityHeaders(settings.frameAncestors());
        Templates templates = new Templates();
        this.errors = new ErrorResponses(templates, calendarLinks);
        LastModified lastModified = new LastModified(clock);
        ConditionalGet conditionalGet = new ConditionalGet(new RenderedResponses(settings.cacheBytes()));
        Feeds feeds = new Feeds(calendars);
        PageHandler pages = new PageHandler(reader, lastModified, assets.version(), settings.pageMaxAge(), templates,
                calendarLinks, feeds, conditionalGet, errors);
        FeedHandler data = new FeedHandler(reader, lastModified, settings.pageMaxAge(), feeds, calendars,
                conditionalGet, errors);
        AssetHandler files = new AssetHandler(assets, settings.scriptMaxAge(), conditionalGet);

        List<Route> table = new ArrayList<>();
        table.add(route("/?", (x, part) -> pages.list(x)));
        table.add(route("/embed\\.js", (x, part) -> files.embedScript(x)));
        table.add(route("/assets/(.*)", files::versioned));
        for (Feeds.Format format : Feeds.Format.values()) {
            table.add(route("/" + Pattern.quote(format.file()), (x, part) -> data.feed(x, format)));
        }
        table.add(route("/activities/(.*)\\.ics", data::activityCalendar));
        table.add(route("/activities/(.*)", pages::activity));
        this.routes = List.copyOf(table);
    }

    // DOTALL: a path is matched whole, even one with a (decoded) line break in it, which then names no activity.
    private static Route route(String path, Handler handler) {
        return new Route(Pattern.compile(path, Pattern.DOTALL), handler);
    }

    /** The routes, in the order they are tried. */
    List<Route> routes() {
        return routes;
    }

    /** A {@code GET} or {@code HEAD}. */
    public void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange x = exchange(request, response);
        String path = path(request);
        for (Route route : routes) {
            Matcher matched = route.path().matcher(path);
            if (matched.matches()) {
                route.handler().handle(x, matched.groupCount() == 0 ? "" : matched.group(1));
                return;
            }
        }
        errors.notFound(x);
    }

    /** A CORS preflight: the widget only answers {@code GET}, with no credentials and no custom header. */
    public void options(HttpServletRequest request, HttpServletResponse response) {
        Exchange x = exchange(request, response);
        x.allowCrossOrigin();
        x.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        x.setHeader("Access-Control-Max-Age", "86400");
        x.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private Exchange exchange(HttpServletRequest request, HttpServletResponse response) {
        return new Exchange(request, response, new WidgetAddresses(base(request), assets), programs, reader,
                settings.corsOrigins(), security);
    }

    /** The path inside the widget, whether it is mounted at {@code /prefix/*} or as the default servlet. */
    private static String path(HttpServletRequest request) {
        if (request.getHttpServletMapping() != null
                && request.getHttpServletMapping().getMappingMatch() == MappingMatch.DEFAULT) {
            return request.getServletPath();
        }
        String info = request.getPathInfo();
        return info == null ? "/" : info;
    }

    /** Where the widget is mounted, from the settings or else from the request. */
    private String base(HttpServletRequest request) {
        if (settings.baseUrl() != null) {
            return settings.baseUrl().toString();
        }
        String url = request.getRequestURL().toString();
        String origin = url.substring(0, url.length() - request.getRequestURI().length());
        boolean atRoot = request.getHttpServletMapping() != null
                && request.getHttpServletMapping().getMappingMatch() == MappingMatch.DEFAULT;
        return origin + request.getContextPath() + (atRoot ? "" : request.getServletPath()) + "/";
    }
}
