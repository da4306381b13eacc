package org.jqsi.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.QueryResult;
import org.jqsi.ical.WebCalendarLinks;

/** The widget's HTML: the list of activities with its filters, and each activity's page with its JSON-LD. */
final class PageHandler {

    static final Pattern ACTIVITY_ID = Pattern.compile(Ids.SLUG);

    /** A page's type and language, the same for every page in a language: made once, not for each request. */
    private static final Map<Language, Content> HTML = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            HTML.put(language, Content.of(Content.HTML).with("Content-Language", language.code()));
        }
    }

    private final RequestReader reader;
    private final LastModified lastModified;
    private final String assetsVersion;
    private final Duration lifetime;
    private final Templates templates;
    private final WebCalendarLinks calendarLinks;
    private final Feeds feeds;
    private final ConditionalGet conditionalGet;
    private final ErrorResponses errors;
    private final RenderedCards cards;
    private final RenderedChoices choices;
    private final KnownRequests known;

    /**
     * @param assetsVersion the version of the static files the pages link to, part of their ETags
     * @param lifetime how long caches may keep a page
     * @param calendarLinks makes the "add to my calendar" links
     * @param feeds writes an activity's JSON-LD
     * @param cards the list's cards already rendered
     * @param choices the filter form's choices, rendered
     * @param known the list requests already read
     */
    PageHandler(RequestReader reader, LastModified lastModified, String assetsVersion, Duration lifetime,
            Templates templates, WebCalendarLinks calendarLinks, Feeds feeds, ConditionalGet conditionalGet,
            ErrorResponses errors, RenderedCards cards, RenderedChoices choices, KnownRequests known) {
        this.reader = reader;
        this.lastModified = lastModified;
        this.assetsVersion = assetsVersion;
        this.lifetime = lifetime;
        this.templates = templates;
        this.calendarLinks = calendarLinks;
        this.feeds = feeds;
        this.conditionalGet = conditionalGet;
        this.errors = errors;
        this.cards = cards;
        this.choices = choices;
        this.known = known;
    }

    /** {@code /}: the activities matching the filters, a page of them. */
    void list(Exchange x) throws IOException {
        Program program = x.program();
        // A page asked for again is answered from the cache of rendered responses: reading and hashing its request
        // again would be most of what such an answer costs.
        KnownRequests.Form form = x.form();
        long now = known.now();
        KnownRequests.Read read = known.find(form, program.version(), now);
        if (read == null) {
            WidgetRequest request;
            try {
                request = reader.read(x.parameters(), x.acceptLanguage(), program);
            } catch (InvalidRequest e) {
                // An inline widget shows the message in place: a fragment its script may read.
                boolean fragment = RequestReader.wantsFragment(x.parameters());
                if (fragment) {
                    x.allowCrossOrigin();
                }
                errors.html(x, e, fragment);
                return;
            }
            String etag = EntityTag.of("widget", program.version(), assetsVersion, x.addresses().base(),
                    request.filters().toString(), String.valueOf(request.defaultEdition()),
                    request.language().code(), Integer.toString(request.page()), Boolean.toString(request.fragment()));
            Caching caching = Caching.publicFor(lifetime, etag,
                    lastModified.of(program, request.defaultEdition() != null), "Accept-Language");
            read = known.read(program.version(), now, request, caching);
            known.keep(form, read);
        }
        WidgetRequest request = read.request();
        if (request.fragment()) {
            x.allowCrossOrigin();
        }
        Content content = HTML.get(request.language());
        try {
            conditionalGet.answerKept(x, read.caching(), content, () -> list(x, program, request));
        } catch (InvalidRequest e) {
            errors.html(x, e, request.fragment());
        }
    }

    private RenderedResponses.Rendered list(Exchange x, Program program, WidgetRequest request)
            throws InvalidRequest {
        QueryResult result = program.query(request.query());
        int pageSize = request.query().limit();
        if (request.page() > 1 && request.query().offset() >= result.total()) {
            int pages = Math.max(1, (result.total() + pageSize - 1) / pageSize);
            throw new InvalidRequest(request.language(), List.of(RequestReader.problem(
                    RequestParameters.PAGE.name(), "error.pageOutOfRange", request.page(), pages)));
        }
        WidgetView view = new WidgetViews(x.addresses(), calendarLinks).widget(program, request, result, cards,
                choices, templates);
        return new RenderedResponses.Rendered(templates.widget(view), null);
    }

    /** {@code /activities/{id}}: an activity's page. */
    void activity(Exchange x, String id) throws IOException {
        Language language = x.language();
        try {
            reader.checkSize(x.parameters(), language);
        } catch (InvalidRequest e) {
            errors.html(x, e, false);
            return;
        }
        Program program = x.program();
        Optional<Activity> found = ACTIVITY_ID.matcher(id).matches() ? program.activity(id) : Optional.empty();
        if (found.isEmpty()) {
            errors.notFound(x);
            return;
        }
        Activity activity = found.get();
        // The list's filters it was reached with lead back to that list; the inline widget shows it in place.
        SortedMap<String, List<String>> filters = reader.keptFilters(x.parameters(), x.acceptLanguage(), program);
        boolean fragment = RequestReader.wantsFragment(x.parameters());
        if (fragment) {
            x.allowCrossOrigin();
        }
        String etag = EntityTag.of("activity", program.version(), assetsVersion, x.addresses().base(), activity.id(),
                language.code(), filters.toString(), Boolean.toString(fragment));
        Caching caching = Caching.publicFor(lifetime, etag, lastModified.of(program), "Accept-Language");
        Content content = HTML.get(language);
        conditionalGet.answerKept(x, caching, content, () -> {
            // A fragment is put in a host's page, where a script of ours would not run: no JSON-LD there.
            JsonLd jsonLd = fragment ? null : feeds.event(program, activity, x.addresses(), language);
            ActivityPageView view = new WidgetViews(x.addresses(), calendarLinks)
                    .activity(program, activity, language, jsonLd, filters, fragment);
            return new RenderedResponses.Rendered(templates.activity(view), jsonLd);
        });
    }
}
