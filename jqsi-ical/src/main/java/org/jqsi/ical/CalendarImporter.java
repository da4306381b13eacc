package org.jqsi.ical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jqsi.core.internal.download.BoundedDownload;
import org.jqsi.core.model.Activity;
import org.jqsi.ical.internal.FeedImport;

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
