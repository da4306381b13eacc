package org.jqsi.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What caches and clients are told about a response, on a {@code 200} and a {@code 304} alike.
 *
 * @param etag its entity tag, quoted
 * @param lastModified when it last changed, to the second, or {@code null} when only the tag validates it
 * @param cacheControl how long and by whom it may be kept
 * @param vary the request headers it depends on besides its address
 * @param lastModifiedText {@code lastModified} as the header says it ({@code Wed, 10 Nov 2021 15:00:00 GMT}), or
 *     {@code null}: written once with the caching rather than for every response that a kept one answers
 */
record Caching(String etag, Instant lastModified, String cacheControl, List<String> vary, String lastModifiedText) {

    private static final Duration ONE_YEAR = Duration.ofDays(365);

    /**
     * RFC 9110's preferred date format (IMF-fixdate, section 5.6.7): two-digit day, English names, GMT. Java's
     * {@code RFC_1123_DATE_TIME} writes days below 10 with one digit, which that format does not allow.
     */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    Caching {
        vary = List.copyOf(vary);
    }

    Caching(String etag, Instant lastModified, String cacheControl, List<String> vary) {
        this(etag, lastModified, cacheControl, vary, lastModified == null ? null : httpDate(lastModified));
    }

    /** The last instant written, and its text. */
    private record Written(Instant instant, String text) {
    }

    private static volatile Written lastWritten = new Written(Instant.EPOCH, HTTP_DATE.format(Instant.EPOCH));

    /**
     * An instant in {@link #HTTP_DATE}. Every page of one program version has the same {@code Last-Modified}: the
     * last text is reused (formatting was ~1 % of a page rendered afresh).
     */
    static String httpDate(Instant instant) {
        Written last = lastWritten;
        if (last.instant().equals(instant)) {
            return last.text();
        }
        String text = HTTP_DATE.format(instant);
        lastWritten = new Written(instant, text);
        return text;
    }

    /** Kept by any cache for a time. */
    static Caching publicFor(Duration maxAge, String etag, Instant lastModified, String... vary) {
        return new Caching(etag, lastModified, "public, max-age=" + maxAge.toSeconds(), List.of(vary));
    }

    /** A response whose address changes with its content (a versioned asset), so the content at it never does. */
    static Caching immutable(String etag) {
        return new Caching(etag, null, "public, max-age=" + ONE_YEAR.toSeconds() + ", immutable", List.of());
    }
}
