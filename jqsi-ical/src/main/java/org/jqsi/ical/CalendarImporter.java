package org.jqsi.ical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Activity;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.fetch.BoundedDownload;
import org.jqsi.fetch.FetchException;
import org.jqsi.ical.internal.FeedImport;
import org.jqsi.ical.internal.IcalMessages;

/**
 * Reads a partner's iCalendar feed (Google Calendar, Outlook/Exchange, Apple, Nextcloud, any RFC 5545 writer) into
 * activities of an edition, reading each event as Mozilla's ical.js does.
 *
 * <p>Each event becomes an activity, or one per occurrence within the edition's dates for a recurring event: the
 * recurrence set of RFC 5545 §3.8.5 ({@code RRULE}, {@code RDATE} of any value type, less {@code EXDATE}), each
 * occurrence replaced by the event whose {@code RECURRENCE-ID} names its instant; events outside the edition are
 * left out and counted. The text is unfolded on octets, names are case-insensitive, and every {@code VCALENDAR} of
 * the stream is read. A {@code TZID} is an IANA zone, a Windows zone (through CLDR's table), or the file's own
 * {@code VTIMEZONE}; else the feed's {@code X-WR-TIMEZONE}, else the import's zone, with a warning. UTC times are shown
 * in the feed's zone, floating times read in it, DATE values are all-day. {@code STATUS:CANCELLED}, {@code URL},
 * {@code LOCATION}, {@code GEO}, {@code CONFERENCE}, {@code CATEGORIES} (for the kind) are kept; HTML descriptions
 * become text. {@code jqsi-ical/README.md} lists every fallback.
 *
 * <p>Activities are matched by id, derived from the event's {@code UID} alone (or, for an event without one, from
 * its start and title): importing the same feed twice changes nothing, a moved or cancelled event updates its
 * activity and bumps its revision, and an activity an earlier import made that the feed no longer has is marked
 * cancelled. A UID given twice keeps its highest {@code SEQUENCE}, then its latest {@code DTSTAMP}.
 *
 * <p>A feed whose structure is broken throws {@link FeedFormatException} with its line. Anything else is reported in
 * {@link ImportResult#problems()} with the feed's UID and line, in French and English: an error for an event left
 * out (a start that cannot be read, a date that does not exist, an end before the start, a rule in another calendar
 * scale), a warning for an event imported with a fallback or a part dropped alone.
 *
 * <p>Imported activities are not validated here: run the program through
 * {@link org.jqsi.core.validation.ProgramValidator} before serving it, as for any program.
 */
public final class CalendarImporter {

    private final IcalSettings settings;
    private final Clock clock;
    private final BoundedDownload download;

    /** An importer that fetches feeds from public addresses only ({@link AddressPolicy#PUBLIC_ONLY}). */
    public CalendarImporter(IcalSettings settings, Clock clock) {
        this(settings, clock, AddressPolicy.PUBLIC_ONLY);
    }

    /**
     * An importer that fetches feeds from the addresses a policy allows: {@code AddressPolicy.of(allowed,
     * "--allow-private-addresses")} for the operator's choice. The settings' timeout and size limit bound every
     * download.
     */
    public CalendarImporter(IcalSettings settings, Clock clock, AddressPolicy addresses) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.download = new BoundedDownload(IcalMessages.text("feed.what"), settings.importTimeout(),
                settings.importMaxBytes(), Objects.requireNonNull(addresses, "addresses"));
    }

    /** Imports a feed read from a stream, in UTF-8 as RFC 5545 says; the stream is not closed. */
    public ImportResult importFeed(InputStream in, FeedTarget target, List<Activity> existing) throws IOException {
        return importBytes(readLimited(in), target, existing);
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
        return importBytes(text.toString().getBytes(StandardCharsets.UTF_8), target, existing);
    }

    /** Imports a feed file. */
    public ImportResult importFeed(Path file, FeedTarget target, List<Activity> existing) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importFeed(in, target, existing);
        }
    }

    /**
     * Imports a feed fetched over HTTP(S) ({@code webcal:} is read as {@code https:}), within the settings' timeout
     * (for the whole download, redirects and body included) and size limit (enforced while downloading), from the
     * addresses the importer's {@link AddressPolicy} allows (checked after name resolution and at each redirect).
     *
     * @throws FetchException when the feed cannot be fetched (unreachable, too slow, an HTTP status other than 200 or
     *     203, too large, an address refused, a redirect refused), with why in French and English, naming the address
     * @throws IOException when the thread is interrupted while fetching
     * @throws FeedFormatException when what came is not an iCalendar feed
     */
    public ImportResult importFeed(URI url, FeedTarget target, List<Activity> existing) throws IOException {
        URI address = url.getScheme() != null && url.getScheme().equalsIgnoreCase("webcal")
                ? URI.create("https" + url.toString().substring("webcal".length())) : url;
        if (address.getScheme() == null || !(address.getScheme().equalsIgnoreCase("http")
                || address.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("url: only http, https and webcal feeds are fetched, not " + url);
        }
        byte[] body = download.get(address, "text/calendar, */*;q=0.5").body();
        return importBytes(body, target, existing);
    }

    private byte[] readLimited(InputStream in) throws IOException {
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
        return bytes.toByteArray();
    }

    private ImportResult importBytes(byte[] bytes, FeedTarget target, List<Activity> existing) throws IOException {
        return new FeedImport(target, settings.uidDomain(), settings.defaultZone(), clock).run(bytes, existing);
    }
}
