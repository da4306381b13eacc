package org.jqsi.web.internal;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.program.Program;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.WebCalendarLinks;
import org.jqsi.web.JqsiWidgetServlet;
import org.jqsi.web.WidgetSettings;

/**
 * Answers the widget's requests: a table of routes (a path pattern inside the widget and its handler), tried in
 * order, then the not-found page. Pages, feeds and static files each have their handler; every one of them answers
 * through the same {@link ConditionalGet}, and every response carries the security headers.
 */
public final class WidgetRoutes {

    /** The methods every route of the widget answers: it reads, it never changes anything. */
    public static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";

    /**
     * The request headers a script on another site may send: the validators, so that it can revalidate its copy of a
     * feed. The others it needs ({@code Accept-Language}) are CORS-safelisted.
     */
    /** The methods of HTTP (RFC 9110 and RFC 5789's PATCH) that the widget knows and refuses. */
    private static final Set<String> HTTP_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT");

    static final String CROSS_ORIGIN_REQUEST_HEADERS = "If-None-Match, If-Modified-Since";

    /**
     * A route: the paths it serves, relative to where the widget is mounted, and what answers them.
     *
     * @param path the paths, matched whole; a group, when there is one, is the part the handler is given
     * @param handler what answers
     * @param crossOrigin whether a script on another site may read the answer, given the request's parameters:
     *     what a CORS preflight is told, so that it says what the {@code GET} will do
     */
    record Route(Pattern path, Handler handler, Predicate<Map<String, String[]>> crossOrigin) {
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
    /** The first route, the list: {@code /}, asked for far more often than any other. */
    private final Route list;
    /** The base address made for the last request that had to make one ({@link #base}). */
    private volatile Base lastBase;

    public WidgetRoutes(Supplier<Program> programs, WidgetSettings settings, Clock clock,
            CalendarExporter calendars, WebCalendarLinks calendarLinks) {
        this.programs = programs;
        this.settings = settings;
        this.reader = new RequestReader(settings.defaultLanguage(), settings.pageSize(), clock);
        this.security = new SecurityHeaders(settings.frameAncestors(), settings.imageOrigins());
        Templates templates = new Templates();
        this.errors = new ErrorResponses(templates, calendarLinks, reader);
        LastModified lastModified = new LastModified(clock);
        ConditionalGet conditionalGet = new ConditionalGet(new RenderedResponses(settings.cacheBytes()));
        Feeds feeds = new Feeds(calendars);
        PageHandler pages = new PageHandler(reader, lastModified, assets.version(), settings.pageMaxAge(), templates,
                calendarLinks, feeds, conditionalGet, errors, new RenderedCards(settings.cardBytes()),
                // Kept with the cards: a server that keeps no card (cardBytes 0) renders every part of every page.
                new RenderedChoices(templates, settings.cardBytes() > 0),
                new KnownRequests(settings.cacheBytes() > 0, clock));
        FeedHandler data = new FeedHandler(reader, lastModified, settings.pageMaxAge(), feeds, calendars,
                conditionalGet, errors, JqsiWidgetServlet.KEPT_FEED_BYTES);
        AssetHandler files = new AssetHandler(assets, settings.scriptMaxAge(), conditionalGet);

        List<Route> table = new ArrayList<>();
        // The inline widget's fragment and the data are readable from any allowed site; the pages are not.
        this.list = route("/?", (x, part) -> pages.list(x), RequestReader::wantsFragment);
        table.add(list);
        table.add(route("/embed\\.js", (x, part) -> files.embedScript(x), parameters -> true));
        table.add(route("/assets/(.*)", files::versioned, parameters -> false));
        for (Feeds.Format format : Feeds.Format.values()) {
            table.add(route("/" + Pattern.quote(format.file()), (x, part) -> data.feed(x, format),
                    parameters -> true));
        }
        table.add(route("/activities/(.*)\\.ics", data::activityCalendar, parameters -> true));
        table.add(route("/activities/(.*)", pages::activity, RequestReader::wantsFragment));
        this.routes = List.copyOf(table);
    }

    // DOTALL: a path is matched whole, even one with a (decoded) line break in it, which then names no activity.
    private static Route route(String path, Handler handler, Predicate<Map<String, String[]>> crossOrigin) {
        return new Route(Pattern.compile(path, Pattern.DOTALL), handler, crossOrigin);
    }

    /** The routes, in the order they are tried. */
    List<Route> routes() {
        return routes;
    }

    /** A {@code GET} or {@code HEAD}. */
    public void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean atRoot = atRoot(request);
        Exchange x = exchange(request, response, atRoot);
        String path = path(request, atRoot);
        if (path.equals("/")) {
            // What the first route's "/?" matches, found without making a matcher.
            list.handler().handle(x, "");
            return;
        }
        for (Route route : routes) {
            Matcher matched = route.path().matcher(path);
            if (matched.matches()) {
                route.handler().handle(x, matched.groupCount() == 0 ? "" : matched.group(1));
                return;
            }
        }
        errors.notFound(x);
    }

    /**
     * An {@code OPTIONS}, a CORS preflight or not: {@code 204} with {@code Allow} at an address the widget serves,
     * the not-found page elsewhere. A preflight is granted only where the {@code GET} itself is readable from other
     * sites (the feeds, activities' calendar files, the inline fragment), for {@code GET} and {@code HEAD}, with the
     * validators as request headers; the {@code GET}'s {@code ETag} and program version are exposed to scripts
     * ({@link Exchange#allowCrossOrigin()}).
     */
    public void options(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange x = exchange(request, response, atRoot(request));
        Optional<Route> route = route(request);
        if (route.isEmpty()) {
            errors.notFound(x);
            return;
        }
        x.setHeader("Allow", ALLOWED_METHODS);
        if (route.get().crossOrigin().test(x.parameters())) {
            x.allowCrossOrigin();
            if (request.getHeader("Access-Control-Request-Method") != null) {
                x.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
                x.setHeader("Access-Control-Allow-Headers", CROSS_ORIGIN_REQUEST_HEADERS);
                x.setHeader("Access-Control-Max-Age", "86400");
            }
        }
        x.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /**
     * Any other method of HTTP ({@code POST}, {@code PUT}, {@code TRACE}…): {@code 405} with {@code Allow} at an
     * address the widget serves, {@code 404} elsewhere; a method HTTP does not define: {@code 501}. {@code TRACE} in
     * particular is refused: the servlet API would echo the request, its cookies and credentials included. The
     * container's error page says it (the widget has nothing to show for a method it never answers).
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        security.applyTo(response);
        if (!HTTP_METHODS.contains(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED);
        } else if (route(request).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            response.setHeader("Allow", ALLOWED_METHODS);
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private Optional<Route> route(HttpServletRequest request) {
        String path = path(request, atRoot(request));
        return routes.stream().filter(route -> route.path().matcher(path).matches()).findFirst();
    }

    private Exchange exchange(HttpServletRequest request, HttpServletResponse response, boolean atRoot) {
        return new Exchange(request, response, new WidgetAddresses(base(request, atRoot), assets), programs, reader,
                settings.corsOrigins(), security);
    }

    /**
     * Whether the widget is mounted as the default servlet of its context rather than at {@code /prefix/*}: asked
     * once per request, as a container may make the mapping anew for each call.
     */
    private static boolean atRoot(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null && mapping.getMappingMatch() == MappingMatch.DEFAULT;
    }

    /** The path inside the widget, whether it is mounted at {@code /prefix/*} or as the default servlet. */
    private static String path(HttpServletRequest request, boolean atRoot) {
        if (atRoot) {
            return request.getServletPath();
        }
        String info = request.getPathInfo();
        return info == null ? "/" : info;
    }

    /** Where the widget is mounted, from the settings or else from the request. */
    private String base(HttpServletRequest request, boolean atRoot) {
        if (settings.baseUrl() != null) {
            return settings.baseUrl().toString();
        }
        String url = request.getRequestURL().toString();
        int origin = url.length() - request.getRequestURI().length();
        String context = request.getContextPath();
        String servlet = atRoot ? "" : request.getServletPath();
        // Nearly every request reaches the widget the way the one before it did: the same text then, not a new one
        // (and KnownRequests, which finds requests by it, compares the same instance rather than the characters).
        Base last = lastBase;
        if (last != null && last.origin().length() == origin && url.startsWith(last.origin())
                && last.context().equals(context) && last.servlet().equals(servlet)) {
            return last.base();
        }
        String made = url.substring(0, origin);
        Base base = new Base(made, context, servlet, made + context + servlet + "/");
        lastBase = base;
        return base.base();
    }

    /** A base address and what it was made of: the request URL's origin, context path and servlet path. */
    private record Base(String origin, String context, String servlet, String base) {
    }
}
