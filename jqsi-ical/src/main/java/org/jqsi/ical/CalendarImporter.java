package org.jqsi.ical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jqsi.core.internal.download.BoundedDownload;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Problem;
import org.jqsi.ical.internal.EventImport;
import org.jqsi.ical.internal.FeedMerge;
import org.jqsi.ical.internal.FeedText;

/**
 * Reads a partner's iCalendar feed (Google Calendar, Outlook, any RFC 5545 writer) into activities of an edition.
 *
 * <p>Each event becomes an activity, or one per occurrence within the edition's dates for a recurring event
 * ({@code RRULE}, {@code RDATE}, {@code EXDATE}, and modified occurrences with {@code RECURRENCE-ID}); events outside
 * the edition are left out. UTC, floating and zoned times and all-day events are read; {@code STATUS:CANCELLED},
 * {@code URL}, {@code LOCATION}, {@code GEO}, {@code CONFERENCE}, {@code CATEGORIES} (for the kind) are kept.
 *
 * <p>Activities are matched by id, derived from the event's {@code UID} alone: importing the same feed twice
 * changes nothing, and a moved or cancelled event updates its activity and bumps its revision. A feed whose
 * structure is broken throws {@link FeedFormatException} with its line; an event that is merely wrong is reported in
 * {@link ImportResult#problems()} with its UID and line, and the others are imported.
 *
 * <p>Imported activities are not validated here: run the program through
 * {@link org.jqsi.core.validation.ProgramValidator} before serving it, as for any program.
 */
public final class CalendarImporter {

    private static final String MINI_HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jqsi//import//FR\r\n";
    private static final int MINI_HEADER_LINES = 3;

    private final IcalSettings settings;
    private final Clock clock;
    private final BoundedDownload download;

    /**
     * An importer that fetches URLs with its own HTTP client, which connects within the settings' timeout and follows
     * redirects except from https to http.
     */
    public CalendarImporter(IcalSettings settings, Clock clock) {
        this(settings, clock, BoundedDownload.client(settings.importTimeout()));
    }

    /**
     * An importer that fetches URLs with a given HTTP client (its connect timeout and redirect policy apply; the
     * settings' timeout and size limit still bound every download).
     */
    public CalendarImporter(IcalSettings settings, Clock clock, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.download = new BoundedDownload("feed", settings.importTimeout(), settings.importMaxBytes(),
                Objects.requireNonNull(http, "http"));
    }

    /** Imports a feed read from a stream, in UTF-8 as RFC 5545 says; the stream is not closed. */
    public ImportResult importFeed(InputStream in, FeedTarget target, List<Activity> existing) throws IOException {
        return importText(readLimited(in), target, existing);
    }

    /** Imports a feed read from a reader; the reader is not closed. */
    public ImportResult importFeed(Reader in, FeedTarget target, List<Activity> existing) throws IOException {
        StringBuilder text = new StringBuilder(8192);
        char[] buffer = new char[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            text.append(buffer, 0, n);
            if (text.length() > settings.importMaxBytes()) {
                throw new IOException("the feed is larger than " + settings.importMaxBytes() + " characters");
            }
        }
        return importText(text.toString(), target, existing);
    }

    /** Imports a feed file. */
    public ImportResult importFeed(Path file, FeedTarget target, List<Activity> existing) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importFeed(in, target, existing);
        }
    }

    /**
     * Imports a feed fetched over HTTP(S) ({@code webcal:} is read as {@code https:}), within the settings' timeout
     * (for the whole download, body included) and size limit (enforced while downloading).
     *
     * @throws java.net.http.HttpTimeoutException when the whole feed did not arrive within the timeout
     * @throws IOException when it cannot be fetched, answers other than 200 or 203, or is too large; the message
     *     names the address
     */
    public ImportResult importFeed(URI url, FeedTarget target, List<Activity> existing) throws IOException {
        URI address = url.getScheme() != null && url.getScheme().equalsIgnoreCase("webcal")
                ? URI.create("https" + url.toString().substring("webcal".length())) : url;
        if (address.getScheme() == null || !(address.getScheme().equalsIgnoreCase("http")
                || address.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("url: only http, https and webcal feeds are fetched, not " + url);
        }
        byte[] body = download.get(address, Map.of("Accept", "text/calendar, */*;q=0.5")).body();
        return importText(new String(body, StandardCharsets.UTF_8), target, existing);
    }

    private String readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > settings.importMaxBytes()) {
                throw new IOException("the feed is larger than " + settings.importMaxBytes() + " bytes");
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private ImportResult importText(String text, FeedTarget target, List<Activity> existing) throws IOException {
        FeedText feed = FeedText.scan(text);
        ZoneId feedZone = target.zone() != null ? target.zone()
                : feed.calendarProperty("X-WR-TIMEZONE").flatMap(EventImport::zoneNamed)
                        .orElse(settings.defaultZone());
        StringBuilder zones = new StringBuilder();
        int zoneLines = 0;
        for (FeedText.Block block : feed.timeZones()) {
            for (String line : block.lines()) {
                zones.append(line).append("\r\n");
                zoneLines++;
            }
        }
        checkTimeZones(feed, zones.toString());

        EventImport events = new EventImport(target, feedZone, settings.uidDomain());
        List<Problem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (FeedText.Block block : feed.events()) {
            try {
                parsed.add(new Parsed(block, parse(block, zones.toString(), zoneLines)));
            } catch (ParsedWithError e) {
                problems.add(problem(block.uid(), e.line, "event.unreadable", LocalizedText.of(
                        "l'événement n'a pas pu être lu : " + e.getMessage(),
                        "the event could not be read: " + e.getMessage())));
            }
        }

        // Occurrences that a modified instance (RECURRENCE-ID) replaces, by UID.
        Map<String, Set<String>> overridden = new HashMap<>();
        for (Parsed p : parsed) {
            if (p.event.getProperty(Property.RECURRENCE_ID).isPresent()) {
                try {
                    overridden.computeIfAbsent(EventImport.uidOf(p.event), u -> new HashSet<>())
                            .add(events.recurrenceKey(p.event));
                } catch (EventImport.BadEvent | RuntimeException e) {
                    // Reported when the override itself is imported.
                }
            }
        }

        Map<String, Activity> imported = new LinkedHashMap<>();
        int[] outside = {0};
        for (Parsed p : parsed) {
            try {
                String uid = EventImport.uidOf(p.event);
                List<EventImport.Occurrence> occurrences = events.occurrences(p.event,
                        overridden.getOrDefault(uid, Set.of()), outside);
                for (EventImport.Occurrence occurrence : occurrences) {
                    imported.put(occurrence.activity().id(), occurrence.activity());
                }
            } catch (EventImport.BadEvent e) {
                problems.add(problem(p.block.uid(), lineOf(p.block, e.property()), e.code(), e.reason()));
            } catch (RuntimeException e) {
                String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                problems.add(problem(p.block.uid(), p.block.firstLine(), "event.unreadable", LocalizedText.of(
                        "l'événement n'a pas pu être lu (" + detail + ")",
                        "the event could not be read (" + detail + ")")));
            }
        }

        FeedMerge merge = new FeedMerge(existing, clock);
        imported.values().forEach(merge::merge);
        return new ImportResult(merge.activities(), merge.added(), merge.changed(), merge.unchanged(), problems,
                outside[0]);
    }

    private record Parsed(FeedText.Block block, VEvent event) {
    }

    /** An event iCal4j could not parse, with the feed's line. */
    private static final class ParsedWithError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        ParsedWithError(int line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }
    }

    private static void checkTimeZones(FeedText feed, String zones) throws FeedFormatException {
        if (feed.timeZones().isEmpty()) {
            return;
        }
        try {
            new CalendarBuilder().build(new StringReader(MINI_HEADER + zones + "END:VCALENDAR\r\n"));
        } catch (ParserException e) {
            int line = feedLine(feed.timeZones(), e.getLineNo() - MINI_HEADER_LINES);
            throw new FeedFormatException(line, "the time zones cannot be read: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new FeedFormatException(feed.timeZones().get(0).firstLine(),
                    "the time zones cannot be read: " + e.getMessage());
        }
    }

    /** Parses one event on its own, with the feed's time zones, so that a bad event sinks only itself. */
    private static VEvent parse(FeedText.Block block, String zones, int zoneLines) throws ParsedWithError {
        StringBuilder mini = new StringBuilder(MINI_HEADER.length() + zones.length() + 2048);
        mini.append(MINI_HEADER).append(zones);
        for (String line : block.lines()) {
            mini.append(line).append("\r\n");
        }
        mini.append("END:VCALENDAR\r\n");
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(mini.toString()));
            List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
            if (events.size() != 1) {
                throw new ParsedWithError(block.firstLine(), "no event found", null);
            }
            return events.get(0);
        } catch (ParserException e) {
            int inEvent = e.getLineNo() - MINI_HEADER_LINES - zoneLines;
            int line = inEvent >= 1 && inEvent <= block.lines().size() ? block.firstLine() + inEvent - 1
                    : block.firstLine();
            String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new ParsedWithError(line, message, e);
        } catch (IOException | RuntimeException e) {
            throw new ParsedWithError(block.firstLine(), String.valueOf(e.getMessage()), e);
        }
    }

    /** The line of an event's property, or of the event when it has none or none is named. */
    private static int lineOf(FeedText.Block block, String property) {
        if (property != null) {
            for (int i = 0; i < block.lines().size(); i++) {
                String line = block.lines().get(i);
                if (line.regionMatches(true, 0, property, 0, property.length()) && line.length() > property.length()
                        && (line.charAt(property.length()) == ':' || line.charAt(property.length()) == ';')) {
                    return block.firstLine() + i;
                }
            }
        }
        return block.firstLine();
    }

    private static int feedLine(List<FeedText.Block> blocks, int lineInBlocks) {
        int remaining = lineInBlocks;
        for (FeedText.Block block : blocks) {
            if (remaining >= 1 && remaining <= block.lines().size()) {
                return block.firstLine() + remaining - 1;
            }
            remaining -= block.lines().size();
        }
        return blocks.get(0).firstLine();
    }

    private static Problem problem(String uid, int line, String code, LocalizedText message) {
        String where = uid == null ? "line " + line : "UID " + uid + " (line " + line + ")";
        return Problem.error(where, code, message);
    }
}
