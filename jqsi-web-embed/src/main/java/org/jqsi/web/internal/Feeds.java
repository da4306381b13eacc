package org.jqsi.web.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.RegionalCoordinator;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.FeedOptions;
import org.jqsi.json.EventJsonLd;
import org.jqsi.json.ProgramWriter;

/**
 * The feeds of a widget request: every matching activity, whatever the page, as iCalendar (through jqsi-ical) or as
 * a program file or schema.org JSON-LD (through jqsi-json).
 */
final class Feeds {

    /** A feed's file, media type and label key. */
    enum Format {
        ICS("feed.ics", "text/calendar;charset=UTF-8", "feed.ics"),
        JSON("feed.json", "application/json;charset=UTF-8", "feed.json"),
        JSONLD("feed.jsonld", "application/ld+json;charset=UTF-8", "feed.jsonld");

        private final String file;
        private final String mediaType;
        private final String labelKey;

        Format(String file, String mediaType, String labelKey) {
            this.file = file;
            this.mediaType = mediaType;
            this.labelKey = labelKey;
        }

        public String file() {
            return file;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The key of its label in the message bundles. */
        String labelKey() {
            return labelKey;
        }

        /** Its media type without parameters, for a link's {@code type}. */
        String type() {
            return mediaType.substring(0, mediaType.indexOf(';'));
        }
    }

    private final CalendarExporter calendars;
    private final ProgramWriter programs = ProgramWriter.forWeb();

    public Feeds(CalendarExporter calendars) {
        this.calendars = calendars;
    }

    /**
     * Writes the subscribable calendar of a request's filters, named after them, pointing back at itself
     * ({@code SOURCE}) and at the widget ({@code URL}), event by event; the stream is flushed, not closed.
     */
    public void writeCalendar(Program program, WidgetRequest request, URI self, URI widget, OutputStream out)
            throws IOException {
        LocalizedText name = LocalizedText.of(WidgetViews.headingFor(program, request, Messages.of(Language.FR)),
                WidgetViews.headingFor(program, request, Messages.of(Language.EN)));
        FeedOptions options = FeedOptions.in(request.language()).withName(name).withSource(self).withUrl(widget);
        calendars.writeFeed(program, request.query(), options, out);
    }

    /** One activity's calendar file; the activity must be dated. */
    public byte[] activityCalendar(Program program, Activity activity, Language language) {
        return calendars.activityFile(program, activity, FeedOptions.in(language)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the matching activities as a program file, one element at a time: with the editions and partners they
     * refer to, so that it reads back as a valid program. The stream is flushed, not closed.
     */
    public void writeJson(Program program, ActivityQuery query, OutputStream out) throws IOException {
        List<Activity> activities = program.matching(query);
        Set<String> editionIds = new LinkedHashSet<>();
        Set<String> partnerIds = new LinkedHashSet<>();
        for (Activity activity : activities) {
            editionIds.add(activity.editionId());
            activity.partners().stream().map(Involvement::partnerId).forEach(partnerIds::add);
            if (activity.place() != null) {
                activity.place().onlinePart().map(Place.Online::hostPartnerId).ifPresent(partnerIds::add);
            }
        }
        List<Edition> editions = program.editions().stream().filter(e -> editionIds.contains(e.id())).toList();
        for (Edition edition : editions) {
            if (edition.coordinatorId() != null) {
                partnerIds.add(edition.coordinatorId());
            }
            edition.regionalCoordinators().stream().map(RegionalCoordinator::partnerId).forEach(partnerIds::add);
        }
        List<Partner> partners = program.partners().stream().filter(p -> partnerIds.contains(p.id())).toList();
        programs.write(new ProgramData(editions, partners, activities), out);
    }

    /**
     * Writes the matching activities as a schema.org {@code ItemList} of {@code Event}s, linked to their pages, event
     * by event; the stream is flushed, not closed.
     */
    public void writeJsonLd(Program program, ActivityQuery query, WidgetAddresses addresses, Language language,
            OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        events(addresses, language).writeItemList(program, program.matching(query), language, text);
        text.flush();
    }

    /** An activity as a schema.org {@code Event}, for its page, or {@code null} when it is to be announced. */
    public JsonLd event(Program program, Activity activity, WidgetAddresses addresses, Language language) {
        return events(addresses, language).event(program, activity, language).map(JsonLd::new).orElse(null);
    }

    /** JSON-LD whose {@code url}s are the widget's pages in a language (the base may differ per request). */
    private static EventJsonLd events(WidgetAddresses addresses, Language language) {
        return new EventJsonLd(activity -> URI.create(addresses.activity(activity.id(), language)));
    }
}
