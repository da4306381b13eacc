package org.jqsi.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.QueryResult;
import org.jqsi.core.validation.Problem;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.CalendarLinks;
import org.jqsi.web.WidgetSettings;

/**
 * Answers the widget's requests: finds the route, reads and checks the parameters, answers {@code 304} when the
 * client's copy is current, renders, and sets the caching and security headers that every response carries.
 */
public final class WidgetRoutes {

    /** The response header that names the version of the program a response was rendered from. */
    public static final String VERSION_HEADER = "X-Jqsi-Program-Version";

    private static final String HTML = "text/html;charset=UTF-8";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final Duration ONE_YEAR = Duration.ofDays(365);
    private static final Pattern ACTIVITY_ID = Pattern.compile(Ids.SLUG);

    private final Supplier<Program> programs;
    private final WidgetSettings settings;
    private final RequestReader reader;
    private final Validators validators;
    private final Assets assets = new Assets();
    private final Templates templates = new Templates();
    private final String frameAncestors;
    private final Feeds feeds;
    private final CalendarLinks calendarLinks;
    private final CalendarExporter calendars;
    private final RenderedResponses rendered;

    public WidgetRoutes(Supplier<Program> programs, WidgetSettings settings, Clock clock,
            CalendarExporter calendars, CalendarLinks calendarLinks) {
        this.programs = programs;
        this.settings = settings;
        this.feeds = new Feeds(calendars);
        this.calendars = calendars;
        this.calendarLinks = calendarLinks;
        this.reader = new RequestReader(settings.defaultLanguage(), settings.pageSize(), clock);
        this.validators = new Validators(clock);
        this.frameAncestors = String.join(" ", settings.frameAncestors());
        this.rendered = new RenderedResponses(settings.cacheBytes());
    }

    /** A {@code GET} or {@code HEAD}. */
    public void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        securityHeaders(response, null);
        String path = path(request);
        Links links = new Links(base(request), assets);
        if (path.equals("/") || path.isEmpty()) {
            widget(request, response, links);
        } else if (path.equals("/embed.js")) {
            embedScript(request, response);
        } else if (path.startsWith("/assets/")) {
            asset(request, response, path.substring("/assets/".length()));
        } else if (path.equals("/" + Feeds.Format.ICS.file())) {
            feed(request, response, links, Feeds.Format.ICS);
        } else if (path.equals("/" + Feeds.Format.JSON.file())) {
            feed(request, response, links, Feeds.Format.JSON);
        } else if (path.equals("/" + Feeds.Format.JSONLD.file())) {
            feed(request, response, links, Feeds.Format.JSONLD);
        } else if (path.startsWith("/activities/") && path.endsWith(".ics")) {
            activityCalendar(request, response, links,
                    path.substring("/activities/".length(), path.length() - ".ics".length()));
        } else if (path.startsWith("/activities/")) {
            activity(request, response, links, path.substring("/activities/".length()));
        } else {
            notFound(request, response, links);
        }
    }

    /** A CORS preflight: the widget only answers {@code GET}, with no credentials and no custom header. */
    public void options(HttpServletRequest request, HttpServletResponse response) {
        securityHeaders(response, null);
        cors(request, response);
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void widget(HttpServletRequest request, HttpServletResponse response, Links links) throws IOException {
        Map<String, String[]> parameters = request.getParameterMap();
        Program program = snapshot(response);
        WidgetRequest widgetRequest;
        try {
            widgetRequest = reader.read(parameters, request.getHeader("Accept-Language"), program);
        } catch (InvalidRequest e) {
            // An inline widget shows the message in place: a fragment its script may read.
            boolean fragment = RequestReader.wantsFragment(parameters);
            if (fragment) {
                cors(request, response);
            }
            htmlError(response, links, 400, e.language(), e.problems(), fragment);
            return;
        }
        if (widgetRequest.fragment()) {
            cors(request, response);
        }
        vary(response, "Accept-Language");
        String etag = Validators.etag("widget", program.version(), assets.version(), links.base(),
                widgetRequest.filters().toString(), String.valueOf(widgetRequest.defaultEdition()),
                widgetRequest.language().code(), Integer.toString(widgetRequest.page()),
                Boolean.toString(widgetRequest.fragment()));
        Instant lastModified = validators.lastModified(program, widgetRequest.defaultEdition() != null);
        if (notModified(request, response, etag, lastModified, settings.pageMaxAge())) {
            return;
        }
        Optional<RenderedResponses.Rendered> page = rendered.find(program.version(), etag);
        if (page.isEmpty()) {
            QueryResult result = program.query(widgetRequest.query());
            if (widgetRequest.page() > 1 && widgetRequest.query().offset() >= result.total()) {
                int pages = Math.max(1, (result.total() + settings.pageSize() - 1) / settings.pageSize());
                htmlError(response, links, 400, widgetRequest.language(), List.of(RequestReader.problem(
                        RequestParameters.PAGE.name(), "error.pageOutOfRange", widgetRequest.page(), pages)),
                        widgetRequest.fragment());
                return;
            }
            WidgetView view = views(links).widget(program, widgetRequest, result);
            page = Optional.of(keep(program, etag, templates.widget(view), null));
        }
        cacheable(response, etag, lastModified, settings.pageMaxAge());
        response.setHeader("Content-Language", widgetRequest.language().code());
        writeBytes(response, 200, HTML, page.get().body());
    }

    /** Keeps a page just rendered, for the next request with the same ETag. */
    private RenderedResponses.Rendered keep(Program program, String etag, String html, JsonLd jsonLd) {
        return keep(program, etag, html.getBytes(StandardCharsets.UTF_8), jsonLd);
    }

    private RenderedResponses.Rendered keep(Program program, String etag, byte[] body, JsonLd jsonLd) {
        RenderedResponses.Rendered fresh = new RenderedResponses.Rendered(body, jsonLd);
        rendered.keep(program.version(), etag, fresh);
        return fresh;
    }

    private void activity(HttpServletRequest request, HttpServletResponse response, Links links, String rest)
            throws IOException {
        Language language = reader.language(request.getParameterMap(), request.getHeader("Accept-Language"));
        try {
            reader.checkSize(request.getParameterMap(), language);
        } catch (InvalidRequest e) {
            htmlError(response, links, 400, e.language(), e.problems(), false);
            return;
        }
        Program program = snapshot(response);
        Optional<Activity> found = ACTIVITY_ID.matcher(rest).matches() ? program.activity(rest) : Optional.empty();
        if (found.isEmpty()) {
            notFound(request, response, links);
            return;
        }
        Activity activity = found.get();
        vary(response, "Accept-Language");
        String etag = Validators.etag("activity", program.version(), assets.version(), links.base(), activity.id(),
                language.code());
        Instant lastModified = validators.lastModified(program);
        if (notModified(request, response, etag, lastModified, settings.pageMaxAge())) {
            return;
        }
        RenderedResponses.Rendered page = rendered.find(program.version(), etag).orElseGet(() -> {
            JsonLd jsonLd = feeds.event(program, activity, links, language);
            ActivityPageView view = views(links).activity(program, activity, language, jsonLd);
            return keep(program, etag, templates.activity(view), jsonLd);
        });
        securityHeaders(response, page.jsonLd());
        cacheable(response, etag, lastModified, settings.pageMaxAge());
        response.setHeader("Content-Language", language.code());
        writeBytes(response, 200, HTML, page.body());
    }

    private void feed(HttpServletRequest request, HttpServletResponse response, Links links, Feeds.Format format)
            throws IOException {
        // Feeds are data: any site may read them from a script, errors included.
        cors(request, response);
        Program program = snapshot(response);
        WidgetRequest feedRequest;
        try {
            feedRequest = reader.read(request.getParameterMap(), request.getHeader("Accept-Language"), program);
        } catch (InvalidRequest e) {
            jsonError(response, 400, e.language(), e.problems());
            return;
        }
        vary(response, "Accept-Language");
        // A calendar's bytes also depend on the SEQUENCE and DTSTAMP its exporter remembers (EventHistory).
        String etag = Validators.etag(format.name(), program.version(), links.base(),
                feedRequest.filters().toString(), String.valueOf(feedRequest.defaultEdition()),
                feedRequest.language().code(), format == Feeds.Format.ICS ? calendars.versionTag(program) : "");
        Instant lastModified = validators.lastModified(program, feedRequest.defaultEdition() != null);
        if (notModified(request, response, etag, lastModified, settings.pageMaxAge())) {
            return;
        }
        byte[] body = rendered.find(program.version(), etag).orElseGet(() -> keep(program, etag,
                feedBody(program, feedRequest, links, format), null)).body();
        cacheable(response, etag, lastModified, settings.pageMaxAge());
        response.setHeader("Content-Language", feedRequest.language().code());
        response.setHeader("Content-Disposition", "inline; filename=\"jqsi." + format.name().toLowerCase(
                java.util.Locale.ROOT) + "\"");
        writeBytes(response, 200, format.mediaType(), body);
    }

    private byte[] feedBody(Program program, WidgetRequest feedRequest, Links links, Feeds.Format format) {
        return switch (format) {
            case ICS -> feeds.calendar(program, feedRequest,
                    URI.create(links.feed(format.file(), feedRequest.filters(), feedRequest.language())),
                    URI.create(links.widget(feedRequest.filters(), feedRequest.language(), 1)));
            case JSON -> feeds.json(program, feedRequest.query());
            case JSONLD -> feeds.jsonLd(program, feedRequest.query(), links, feedRequest.language());
        };
    }

    private void activityCalendar(HttpServletRequest request, HttpServletResponse response, Links links, String id)
            throws IOException {
        Language language = reader.language(request.getParameterMap(), request.getHeader("Accept-Language"));
        Program program = snapshot(response);
        Optional<Activity> found = ACTIVITY_ID.matcher(id).matches() ? program.activity(id) : Optional.empty();
        if (found.isEmpty() || !found.get().schedule().isDated()) {
            // An activity "to be announced" is in no calendar yet.
            notFound(request, response, links);
            return;
        }
        vary(response, "Accept-Language");
        String etag = Validators.etag("activity.ics", program.version(), id, language.code(),
                calendars.versionTag(program));
        Instant lastModified = validators.lastModified(program);
        if (notModified(request, response, etag, lastModified, settings.pageMaxAge())) {
            return;
        }
        cacheable(response, etag, lastModified, settings.pageMaxAge());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + id + ".ics\"");
        writeBytes(response, 200, Feeds.Format.ICS.mediaType(), feeds.activityCalendar(program, found.get(), language));
    }

    /**
     * The program this response is rendered from, read once, and named in {@value #VERSION_HEADER} so that a client
     * (or a soak test) can tell which version of the program a response shows, even across a reload.
     */
    private Program snapshot(HttpServletResponse response) {
        Program program = programs.get();
        response.setHeader(VERSION_HEADER, program.version());
        return program;
    }

    /** The "add to my calendar" links of a dated activity. */
    private ActivityCard.CalendarLinks calendarLinks(Links links, Activity activity, Language language) {
        return new ActivityCard.CalendarLinks(links.activityCalendar(activity.id(), language),
                calendarLinks.google(activity, language).map(WebLinks::hrefOrNull).orElse(null),
                calendarLinks.outlook(activity, language).map(WebLinks::hrefOrNull).orElse(null));
    }

    private void embedScript(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Assets.Asset script = assets.named("embed.js");
        String etag = '"' + script.hash() + '"';
        // Partners paste this address and cannot version it: a short lifetime lets fixes reach them.
        if (notModified(request, response, etag, null, settings.scriptMaxAge())) {
            return;
        }
        cacheable(response, etag, null, settings.scriptMaxAge());
        response.setHeader("Access-Control-Allow-Origin", "*");
        writeBytes(response, 200, script.contentType(), script.content());
    }

    private void asset(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        Optional<Assets.Asset> found = assets.atVersionedName(name);
        if (found.isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
            writeBytes(response, 404, "text/plain;charset=UTF-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Assets.Asset asset = found.get();
        String etag = '"' + asset.hash() + '"';
        if (Validators.notModified(request, etag, null)) {
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", "public, max-age=" + ONE_YEAR.toSeconds() + ", immutable");
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setHeader("ETag", etag);
        // The name changes with the content, so the content at a name never does.
        response.setHeader("Cache-Control", "public, max-age=" + ONE_YEAR.toSeconds() + ", immutable");
        writeBytes(response, 200, asset.contentType(), asset.content());
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Links links) throws IOException {
        Language language = reader.language(request.getParameterMap(), request.getHeader("Accept-Language"));
        ErrorView view = views(links).error(404, language,
                List.of(RequestReader.problem(RequestReader.WHOLE_REQUEST, "error.notFound")), false);
        response.setHeader("Cache-Control", "no-store");
        write(response, 404, HTML, templates.error(view));
    }

    private void htmlError(HttpServletResponse response, Links links, int status, Language language,
            List<Problem> problems, boolean fragment) throws IOException {
        ErrorView view = views(links).error(status, language, problems, fragment);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", language.code());
        vary(response, "Accept-Language");
        write(response, status, HTML, templates.error(view));
    }

    void jsonError(HttpServletResponse response, int status, Language language, List<Problem> problems)
            throws IOException {
        Messages t = Messages.of(language);
        List<ErrorView.Problem> shown = ErrorView.Problem.all(problems, language);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", language.code());
        vary(response, "Accept-Language");
        write(response, status, JSON, JsonError.of(status, t.text("error.heading." + status), shown));
    }

    private WidgetViews views(Links links) {
        return new WidgetViews(links, (activity, language) -> calendarLinks(links, activity, language),
                List.of(Feeds.Format.ICS.asLink(), Feeds.Format.JSON.asLink(), Feeds.Format.JSONLD.asLink()));
    }

    private boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag,
            Instant lastModified, Duration maxAge) {
        if (!Validators.notModified(request, etag, lastModified)) {
            return false;
        }
        cacheable(response, etag, lastModified, maxAge);
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
    }

    private static void cacheable(HttpServletResponse response, String etag, Instant lastModified, Duration maxAge) {
        response.setHeader("ETag", etag);
        if (lastModified != null) {
            response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
        }
        response.setHeader("Cache-Control", "public, max-age=" + maxAge.toSeconds());
    }

    private void cors(HttpServletRequest request, HttpServletResponse response) {
        if (settings.corsOrigins().contains("*")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && settings.corsOrigins().contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
        }
        vary(response, "Origin");
    }

    /** Adds a header to {@code Vary} once, whatever path the response took. */
    private static void vary(HttpServletResponse response, String header) {
        if (!response.getHeaders("Vary").contains(header)) {
            response.addHeader("Vary", header);
        }
    }

    /**
     * Headers on every response. Pages may load scripts and styles only from the widget itself (no inline script:
     * the frame script is a static file), and, when they carry JSON-LD, that exact JSON-LD by its hash.
     */
    private void securityHeaders(HttpServletResponse response, JsonLd jsonLd) {
        String scriptSources = "'self'";
        if (jsonLd != null) {
            scriptSources += " 'sha256-" + Base64.getEncoder().encodeToString(HexFormat.of()
                    .parseHex(Assets.sha256(jsonLd.text().getBytes(StandardCharsets.UTF_8)))) + "'";
        }
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src " + scriptSources
                + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors " + frameAncestors);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        writeBytes(response, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(HttpServletResponse response, int status, String type, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
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
