package org.jqsi.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What caches and clients are told about a response, on a {@code 200} and a {@code 304} alike.
 *
 * @param etag its entity tag, quoted
 * @param lastModified when it last changed, to the second, or {@code null} when only the tag validates it
 * @param cacheControl how long and by whom it may be kept
 * @param vary the request headers it depends on besides its address
 */
record Caching(String etag, Instant lastModified, String cacheControl, List<String> vary) {

    private static final Duration ONE_YEAR = Duration.ofDays(365);

    Caching {
        vary = List.copyOf(vary);
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
