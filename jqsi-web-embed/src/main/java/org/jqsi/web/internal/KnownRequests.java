package org.jqsi.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jqsi.core.model.Region;

/**
 * List requests already read, by the form they came in: what reading one gave (the request, its ETag and caching
 * headers), so that a page asked for again, which the cache of rendered responses answers, is not read, checked and
 * hashed again (that was most of what a cache hit did besides sending the bytes).
 *
 * <p>Reading a request is a function of its query string, its {@code Accept-Language}, where the widget is reached
 * ({@link WidgetAddresses#base()}), the program, and the Eastern day (the edition of the day when none is asked, and
 * the {@code Last-Modified} of such a page). So an entry is found only by the same three texts, for the program
 * version it was read against, on the same Eastern day; anything else reads the request again. Requests that were
 * refused are not kept (they are answered by their error page, read afresh). Bounded by a count of entries.
 */
final class KnownRequests {

    /** How many requests are kept: each entry is a few hundred bytes. */
    static final int MAXIMUM_ENTRIES = 4096;

    /**
     * The form a request came in.
     *
     * @param base where the widget was reached
     * @param query the raw query string, or {@code null}
     * @param acceptLanguage the {@code Accept-Language} header, or {@code null}
     */
    record Form(String base, String query, String acceptLanguage) {

        // Written out: a record's generated equals and hashCode go through method handles, which cost a cache hit
        // more than the comparisons themselves (JFR); the base is most often the very same instance (WidgetRoutes).
        @Override
        public boolean equals(Object other) {
            return other instanceof Form form && Objects.equals(base, form.base) && Objects.equals(query, form.query)
                    && Objects.equals(acceptLanguage, form.acceptLanguage);
        }

        @Override
        public int hashCode() {
            return (31 * Objects.hashCode(base) + Objects.hashCode(query)) * 31 + Objects.hashCode(acceptLanguage);
        }
    }

    /**
     * What reading it gave.
     *
     * @param programVersion the version of the program it was read against
     * @param from the first instant (milliseconds since the epoch) of the Eastern day it was read on
     * @param until the first instant of the next Eastern day
     * @param request the request read
     * @param caching its ETag and caching headers
     */
    record Read(String programVersion, long from, long until, WidgetRequest request, Caching caching) {

        /** Whether it holds for a request of this program at this instant. */
        boolean holdsFor(String version, long now) {
            return now >= from && now < until && version.equals(programVersion);
        }
    }

    /** {@code null} when nothing is kept ({@link org.jqsi.web.WidgetSettings#cacheBytes()} is 0). */
    private final Cache<Form, Read> kept;
    private final Clock clock;

    /**
     * @param enabled whether to keep anything: not when rendered responses are not kept either
     * @param clock the clock the requests are read with
     */
    KnownRequests(boolean enabled, Clock clock) {
        this.kept = enabled ? Caffeine.newBuilder().maximumSize(MAXIMUM_ENTRIES)
                .executor(CacheMaintenance.ON_CALLER).build() : null;
        this.clock = clock;
    }

    /** Now, by the clock requests are read with: take it before reading one, for {@link #read}. */
    long now() {
        return clock.millis();
    }

    /**
     * What a request in this form read as, against this program version at this instant, if it is known.
     *
     * @param form {@code null} for a request that cannot be known by its form: never found
     */
    Read find(Form form, String programVersion, long now) {
        if (kept == null || form == null) {
            return null;
        }
        Read read = kept.getIfPresent(form);
        return read != null && read.holdsFor(programVersion, now) ? read : null;
    }

    /**
     * What a request read as, good for the Eastern day of {@code readAt}: an instant taken before it was read, so
     * that a request read across midnight is only good for the day that has passed.
     */
    Read read(String programVersion, long readAt, WidgetRequest request, Caching caching) {
        LocalDate day = Instant.ofEpochMilli(readAt).atZone(Region.EASTERN).toLocalDate();
        long from = day.atStartOfDay(Region.EASTERN).toInstant().toEpochMilli();
        long until = day.plusDays(1).atStartOfDay(Region.EASTERN).toInstant().toEpochMilli();
        return new Read(programVersion, from, until, request, caching);
    }

    /** Keeps what a request in this form read as; nothing for a {@code null} form. */
    void keep(Form form, Read read) {
        if (kept != null && form != null) {
            kept.put(form, read);
        }
    }
}
