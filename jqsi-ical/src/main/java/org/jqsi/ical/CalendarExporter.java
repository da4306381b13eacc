package org.jqsi.ical;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Source;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.ical.internal.ActivityEvents;
import org.jqsi.ical.internal.EventVersions;
import org.jqsi.ical.internal.OctetFolding;
import org.jqsi.ical.internal.RenderedEvents;
import org.jqsi.ical.internal.Texts;
import org.jqsi.ical.internal.TimeZoneBlocks;

/**
 * Writes the program as iCalendar (RFC 5545 with the RFC 7986 additions): a subscribable feed for any
 * {@link ActivityQuery}, or one file for one activity. Activities "to be announced" are never in a calendar.
 *
 * <p>Each activity's {@code VEVENT} is built with iCal4j, folded by octets (iCal4j folds by characters, which breaks
 * RFC 5545 for accented text), and kept for the program's version: the next feed of that version, whatever its
 * filter, only concatenates text. The first feed of a large program renders its events on all cores.
 *
 * <p>{@code SEQUENCE} and {@code DTSTAMP} come from the activity and from an {@link EventHistory}, consulted once per
 * program version: a change of start, end, zone, place or status raises them even if the editor forgot to raise the
 * activity's {@code revision}. The same program and options give the same bytes as long as the history is the same
 * ({@code DTSTAMP} is never the time of writing), so a feed's hash makes a sound HTTP ETag; see {@link #versionTag}.
 *
 * <p>A calendar with no event (no activity matches, or only activities to be announced) still holds a component, as
 * RFC 5545 §3.6 requires: the {@code VTIMEZONE} of the settings' default zone, the one its {@code X-WR-TIMEZONE}
 * names.
 *
 * <p>Thread-safe; one instance serves a whole application. Lines end with CRLF and the text is UTF-8.
 */
public final class CalendarExporter {

    /** The media type of what this writes. */
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private final IcalSettings settings;
    private final ActivityEvents events;
    private final EventVersions versions;
    private final TimeZoneBlocks timeZones;
    private final AtomicReference<RenderedEvents> rendered = new AtomicReference<>();

    /**
     * An exporter with these settings. Its first feed loads much of iCal4j: call {@link #warmUp()} in the background
     * to have it done before the first feed is asked for.
     */
    public CalendarExporter(IcalSettings settings) {
        this(settings, EventHistory.inMemory(), Clock.systemUTC());
    }

    /**
     * An exporter that remembers what each event was published as in a history, so that a change of start, end,
     * zone, place or status raises {@code SEQUENCE} and {@code DTSTAMP} even when the editor did not raise the
     * activity's {@code revision} (see {@link EventHistory}).
     *
     * @param history where the published versions are remembered: {@link EventHistory#inFile} to survive restarts
     * @param clock the time a change is noticed at, which becomes its {@code DTSTAMP}
     */
    public CalendarExporter(IcalSettings settings, EventHistory history, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = new ActivityEvents(settings);
        this.versions = new EventVersions(Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(clock, "clock"));
        this.timeZones = new TimeZoneBlocks();
    }

    /**
     * Renders the {@code VTIMEZONE}s that Quebec's feeds use this year (the default zone, Eastern, Atlantic and
     * Blanc-Sablon's) and one event, which loads iCal4j's classes, so that the first feed written does not wait for
     * them. A server calls it on a background thread once it is started, not while it starts. Safe to call more than
     * once, from any thread.
     */
    public void warmUp() {
        events.warmUp();
        timeZones.warm(java.time.Year.now(settings.defaultZone()).getValue(), settings.defaultZone(), Region.EASTERN,
                ZoneId.of("America/Halifax"), ZoneId.of("America/Blanc-Sablon"));
    }

    /** The settings it writes with. */
    public IcalSettings settings() {
        return settings;
    }

    /**
     * Writes the feed of every dated activity that matches a query, whatever the query's page: a calendar wants
     * them all. The writer is not closed.
     */
    public void writeFeed(Program program, ActivityQuery query, FeedOptions options, Writer out) throws IOException {
        write(program, matching(program, query), options, true, out);
    }

    /** Writes the feed of a query as UTF-8; the stream is flushed, not closed. */
    public void writeFeed(Program program, ActivityQuery query, FeedOptions options, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writeFeed(program, query, options, writer);
        writer.flush();
    }

    /** The feed of a query as a string. */
    public String feed(Program program, ActivityQuery query, FeedOptions options) {
        StringWriter out = new StringWriter(8192);
        try {
            writeFeed(program, query, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes a calendar of given activities of a program, in the given order; undated ones are left out.
     * The writer is not closed.
     */
    public void writeActivities(Program program, List<Activity> activities, FeedOptions options, Writer out)
            throws IOException {
        write(program, activities, options, true, out);
    }

    /**
     * A calendar written one event at a time, for a program too large to hold ({@code jqsi export} of a file of a
     * million activities): {@link #startCalendar} writes its header and {@code VTIMEZONE}s, {@link #write} each event,
     * {@link #finish} its end. The bytes are those {@link #writeActivities} writes for the same activities in the same
     * order, with an exporter whose history is new. Not thread-safe.
     */
    public final class CalendarStream {

        private final RenderedEvents events;
        private final Language language;
        private final List<Duration> reminders;
        private final Writer out;

        private CalendarStream(RenderedEvents events, Language language, List<Duration> reminders, Writer out) {
            this.events = events;
            this.language = language;
            this.reminders = reminders;
            this.out = out;
        }

        /** Writes an activity's event; one that has no date yet is left out, as calendars have no place for it. */
        public void write(Activity activity) throws IOException {
            if (activity.schedule().isDated()) {
                out.write(events.eventOfCopy(activity, language, reminders));
            }
        }

        /** Ends the calendar. The writer is not closed. */
        public void finish() throws IOException {
            out.write("END:VCALENDAR\r\n");
        }
    }

    /**
     * Starts a calendar of activities that will be given one at a time ({@link CalendarStream}), and writes its header
     * and the {@code VTIMEZONE} of each of its zones (of the default zone when it has none: RFC 5545 §3.6 wants a
     * component, and a calendar of no event has no other).
     *
     * <p>Each event's {@code SEQUENCE} and {@code DTSTAMP} are those of {@link EventHistory}'s versions, read but not
     * remembered: the activities are not kept, so they are not this exporter's program's.
     *
     * @param context the program's editions and partners (its activities are not needed): each event names its
     *     organizer and edition from it
     * @param zones the zones of the dated activities to come, gathered in their order
     */
    public CalendarStream startCalendar(Program context, CalendarZones zones, FeedOptions options, Writer out)
            throws IOException {
        Language language = languageOf(options);
        writeHeader(options, language, zones.years().keySet(), true, out);
        writeTimeZones(zones.years(), out);
        return new CalendarStream(new RenderedEvents(context, events, versions), language, options.reminders(), out);
    }

    /**
     * Writes the file of one activity (an {@code .ics} to download or open): an event to add, not a calendar to
     * subscribe to. It has none of a feed's {@code NAME}, {@code X-WR-CALNAME}, {@code REFRESH-INTERVAL},
     * {@code X-PUBLISHED-TTL} or {@code SOURCE}: given a name, Outlook creates a new calendar for the file instead of
     * adding the event to the user's own. {@link FeedOptions#name()} is not used.
     *
     * @throws IllegalArgumentException when the activity has no date yet
     */
    public void writeActivity(Program program, Activity activity, FeedOptions options, Writer out)
            throws IOException {
        if (!activity.schedule().isDated()) {
            throw new IllegalArgumentException("activity " + activity.id() + " has no date yet: it is not in calendars");
        }
        write(program, List.of(activity), options, false, out);
    }

    /**
     * The file of one activity as a string.
     *
     * @throws IllegalArgumentException when the activity has no date yet
     */
    public String activityFile(Program program, Activity activity, FeedOptions options) {
        StringWriter out = new StringWriter(4096);
        try {
            writeActivity(program, activity, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A short tag of the {@code SEQUENCE} and {@code DTSTAMP} this exporter gives the program's events, for HTTP
     * validators: the bytes of a feed depend on the program, the options and these. A program version seen again
     * after another (a change undone) gets raised sequences, and so another tag.
     */
    public String versionTag(Program program) {
        return cacheFor(program).versionTag();
    }

    /** The {@code UID} an activity's event has in every feed, for ever. */
    public String uid(Activity activity) {
        return settings.uidOf(activity.id());
    }

    private static List<Activity> matching(Program program, ActivityQuery query) {
        return program.matching(query);
    }

    private void write(Program program, List<Activity> activities, FeedOptions options, boolean subscribable,
            Writer out) throws IOException {
        Language language = languageOf(options);
        List<Duration> reminders = options.reminders();
        RenderedEvents cache = cacheFor(program);
        List<Activity> dated = new ArrayList<>(activities.size());
        Map<ZoneId, int[]> zones = new LinkedHashMap<>();
        for (Activity activity : activities) {
            if (activity.schedule().isDated()) {
                dated.add(activity);
                int first = activity.schedule().firstDay().orElseThrow().getYear();
                int last = activity.schedule().lastDay().orElseThrow().getYear();
                zones.merge(activity.schedule().zoneId().orElseThrow(), new int[] {first, last},
                        (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        List<Activity> own = new ArrayList<>(dated.size());
        for (Activity activity : dated) {
            if (isOwn(program, activity)) {
                own.add(activity);
            }
        }
        cache.prepare(own, language, reminders);
        writeHeader(options, language, zones.keySet(), subscribable, out);
        writeTimeZones(zones, out);
        for (Activity activity : dated) {
            if (isOwn(program, activity)) {
                out.write(cache.event(activity, language, reminders));
            } else {
                // Not this program's activity (an edited copy): rendered, never cached nor remembered.
                out.write(cache.eventOfCopy(activity, language, reminders));
            }
        }
        out.write("END:VCALENDAR\r\n");
    }

    /**
     * The {@code VTIMEZONE} of each zone the events use, in the order they first come; with no event (a region or an
     * edition with no dated activity), the default zone's, which the header names as the calendar's: RFC 5545 §3.6
     * requires a calendar to hold at least one component, and strict readers refuse one with none. Known before the
     * first event is written, so a calendar written event by event needs nothing held back.
     */
    private void writeTimeZones(Map<ZoneId, int[]> zones, Writer out) throws IOException {
        if (zones.isEmpty()) {
            out.write(timeZones.standing(settings.defaultZone()));
            return;
        }
        for (Map.Entry<ZoneId, int[]> zone : zones.entrySet()) {
            out.write(timeZones.block(zone.getKey(), zone.getValue()[0], zone.getValue()[1]));
        }
    }

    /** Whether an activity is the program's own, not an edited copy: only those are cached under its version. */
    private static boolean isOwn(Program program, Activity activity) {
        Activity own = program.activity(activity.id()).orElse(null);
        // Usually the very instance the program holds: compare references first, contents only if not.
        return own == activity || activity.equals(own);
    }

    private void writeHeader(FeedOptions options, Language language, Set<ZoneId> zones, boolean subscribable,
            Writer out) throws IOException {
        StringBuilder lines = new StringBuilder(512);
        String name = Texts.clean((options.name() != null ? options.name() : settings.calendarName()).in(language));
        ZoneId mainZone = zones.contains(settings.defaultZone()) || zones.isEmpty() ? settings.defaultZone()
                : zones.iterator().next();
        line(lines, "BEGIN:VCALENDAR");
        line(lines, new ProdId(settings.productId()));
        line(lines, new Version(new ParameterList(), "2.0"));
        line(lines, new CalScale("GREGORIAN"));
        line(lines, new Method("PUBLISH"));
        if (subscribable) {
            line(lines, new Name(name));
            // iCal4j 4 escapes an X- property's value itself: escaping it here too wrote a comma as three backslashes.
            line(lines, new XProperty("X-WR-CALNAME", name));
        }
        line(lines, new XProperty("X-WR-TIMEZONE", mainZone.getId()));
        if (subscribable) {
            ParameterList duration = new ParameterList().add(Value.DURATION);
            line(lines, new RefreshInterval(duration, settings.refreshInterval()));
            line(lines, new XProperty("X-PUBLISHED-TTL", settings.refreshInterval().toString()));
            java.net.URI source = options.source() != null ? options.source() : settings.source();
            if (source != null) {
                line(lines, new Source(new ParameterList().add(Value.URI), source.toString()));
            }
        }
        java.net.URI url = options.url() != null ? options.url() : settings.url();
        if (url != null) {
            line(lines, new Url(url));
        }
        OctetFolding.appendFolded(lines, out);
    }

    private static void line(StringBuilder lines, Property property) {
        lines.append(property.toString());
    }

    private static void line(StringBuilder lines, String text) {
        lines.append(text).append("\r\n");
    }

    private Language languageOf(FeedOptions options) {
        return options.language() != null ? options.language() : settings.defaultLanguage();
    }

    private RenderedEvents cacheFor(Program program) {
        RenderedEvents current = rendered.get();
        if (current != null && current.version().equals(program.version())) {
            return current;
        }
        RenderedEvents fresh = new RenderedEvents(program, events, versions);
        // Whoever swaps first wins; a loser still uses its own cache for this one feed.
        rendered.compareAndSet(current, fresh);
        return fresh;
    }
}
