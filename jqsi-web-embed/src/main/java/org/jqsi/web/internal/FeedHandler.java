package org.jqsi.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.ical.CalendarExporter;

/**
 * The widget's data: the feeds of a list's filters ({@code .ics}, program file, JSON-LD), readable by any site, and
 * each dated activity's calendar file.
 */
final class FeedHandler {

    private final RequestReader reader;
    private final LastModified lastModified;
    private final Duration lifetime;
    private final Feeds feeds;
    private final CalendarExporter calendars;
    private final ConditionalGet conditionalGet;
    private final ErrorResponses errors;
    private final int keptFeedBytes;

    /**
     * @param lifetime how long caches may keep a feed
     * @param calendars the exporter the feeds write with, whose remembered versions are part of an ETag
     * @param keptFeedBytes the largest feed kept in memory (and in the cache); larger ones are streamed
     */
    FeedHandler(RequestReader reader, LastModified lastModified, Duration lifetime, Feeds feeds,
            CalendarExporter calendars, ConditionalGet conditionalGet, ErrorResponses errors, int keptFeedBytes) {
        this.reader = reader;
        this.lastModified = lastModified;
        this.lifetime = lifetime;
        this.feeds = feeds;
        this.calendars = calendars;
        this.conditionalGet = conditionalGet;
        this.errors = errors;
        this.keptFeedBytes = keptFeedBytes;
    }

    /** {@code /feed.ics}, {@code /feed.json}, {@code /feed.jsonld}: every activity matching the filters. */
    void feed(Exchange x, Feeds.Format format) throws IOException {
        // Feeds are data: any site may read them from a script, errors included.
        x.allowCrossOrigin();
        Program program = x.program();
        WidgetRequest request;
        try {
            request = reader.read(x.parameters(), x.acceptLanguage(), program);
        } catch (InvalidRequest e) {
            errors.json(x, e);
            return;
        }
        WidgetAddresses addresses = x.addresses();
        // A calendar's bytes also depend on the SEQUENCE and DTSTAMP its exporter remembers (EventHistory).
        String etag = EntityTag.of(format.name(), program.version(), addresses.base(), request.filters().toString(),
                String.valueOf(request.defaultEdition()), request.language().code(),
                format == Feeds.Format.ICS ? calendars.versionTag(program) : "");
        Caching caching = Caching.publicFor(lifetime, etag, lastModified.of(program, request.defaultEdition() != null),
                "Accept-Language");
        Content content = Content.of(format.mediaType())
                .with("Content-Language", request.language().code())
                .with("Content-Disposition",
                        "inline; filename=\"jqsi." + format.name().toLowerCase(Locale.ROOT) + "\"");
        // Written activity by activity: kept when small, streamed when large (issue 22).
        conditionalGet.answerWritten(x, caching, content, keptFeedBytes,
                out -> write(program, request, addresses, format, out));
    }

    private void write(Program program, WidgetRequest request, WidgetAddresses addresses, Feeds.Format format,
            OutputStream out) throws IOException {
        switch (format) {
            case ICS -> feeds.writeCalendar(program, request,
                    URI.create(addresses.feed(format.file(), request.filters(), request.language())),
                    URI.create(addresses.widget(request.filters(), request.language(), 1)), out);
            case JSON -> feeds.writeJson(program, request.query(), out);
            case JSONLD -> feeds.writeJsonLd(program, request.query(), addresses, request.language(), out);
        }
    }

    /** {@code /activities/{id}.ics}: a dated activity's own calendar file. */
    void activityCalendar(Exchange x, String id) throws IOException {
        // Data like the feeds: any allowed site may read it from a script, its "not found" included.
        x.allowCrossOrigin();
        Language language = x.language();
        Program program = x.program();
        Optional<Activity> found = PageHandler.ACTIVITY_ID.matcher(id).matches() ? program.activity(id)
                : Optional.empty();
        if (found.isEmpty() || !found.get().schedule().isDated()) {
            // An activity "to be announced" is in no calendar yet.
            errors.notFound(x);
            return;
        }
        String etag = EntityTag.of("activity.ics", program.version(), id, language.code(),
                calendars.versionTag(program));
        Caching caching = Caching.publicFor(lifetime, etag, lastModified.of(program), "Accept-Language");
        Content content = Content.of(Feeds.Format.ICS.mediaType())
                .with("Content-Disposition", "attachment; filename=\"" + id + ".ics\"");
        conditionalGet.answer(x, caching, content,
                () -> new RenderedResponses.Rendered(feeds.activityCalendar(program, found.get(), language), null));
    }
}
