package org.jqsi.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jqsi.core.model.Language;

/**
 * How a widget is served.
 *
 * @param baseUrl the public address the widget is mounted at ({@code https://jqsi.example.org/widget/}), used for
 *     the links that leave the page (calendar subscriptions, JSON-LD); {@code null} to work it out from each request
 * @param defaultLanguage the language of visitors who ask for neither French nor English
 * @param frameAncestors the sites allowed to show the widget in a frame, as CSP {@code frame-ancestors} sources
 *     ({@code 'self'}, {@code https://partner.example.org}, {@code https://*.example.org}, or {@code *})
 * @param corsOrigins the origins allowed to read the feeds and the inline widget from a script, or {@code *}
 * @param pageMaxAge how long browsers and caches may keep the widget's pages and feeds
 * @param scriptMaxAge how long they may keep {@code embed.js}, whose address partners paste and cannot version
 * @param pageSize how many activities one page of the widget shows
 * @param cacheBytes how many bytes of rendered pages and feeds to keep, per widget, so that a page asked for again
 *     (the same program version, request and language) is sent without being rendered again; {@code 0} to render
 *     every request afresh
 * @param imageOrigins the https origins activities' pictures may be loaded from ({@code https://images.example.org},
 *     {@code https://*.example.org}), the CSP {@code img-src} of the widget's pages; empty (the default) lets no
 *     picture of the program load, though its {@code <img>} and alternative text are still there
 * @param cardBytes how many bytes of the list's activity cards, rendered, to keep, per widget, beside
 *     {@code cacheBytes}: a list page nobody asked for yet (another combination of filters, another page) reuses
 *     the cards other pages rendered from the same program version, in the same language, at the same address,
 *     and renders only the rest. A card takes about 2 KB; all of them are dropped when the program changes. The
 *     default, 16 MiB, keeps some 8,000 cards (4,000 activities in both languages). {@code 0} renders every card
 *     of every page, and every choice of its filter form (otherwise rendered once per language, a few kilobytes)
 */
public record WidgetSettings(
        URI baseUrl,
        Language defaultLanguage,
        List<String> frameAncestors,
        List<String> corsOrigins,
        Duration pageMaxAge,
        Duration scriptMaxAge,
        int pageSize,
        long cacheBytes,
        List<String> imageOrigins,
        long cardBytes) {

    /** The default {@link #cardBytes()}: 16 MiB. */
    public static final long DEFAULT_CARD_BYTES = 16L * 1024 * 1024;

    /** Header values are built from these: anything that could end a directive or a header is refused. */
    private static final Pattern IMAGE_ORIGIN = Pattern.compile("https://(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?");

    private static final Pattern SOURCE = Pattern.compile(
            "'self'|'none'|\\*|https?://(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?");

    public WidgetSettings {
        if (baseUrl != null) {
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null
                    || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl: must be an absolute http(s) address without query, was "
                        + baseUrl);
            }
            if (!baseUrl.getPath().endsWith("/")) {
                baseUrl = URI.create(baseUrl + "/");
            }
        }
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        frameAncestors = checkedSources("frameAncestors", frameAncestors);
        corsOrigins = checkedSources("corsOrigins", corsOrigins);
        if (corsOrigins.stream().anyMatch(o -> o.startsWith("'") || o.contains("*.") )) {
            throw new IllegalArgumentException("corsOrigins: origins or *, was " + corsOrigins);
        }
        checkAge("pageMaxAge", pageMaxAge);
        checkAge("scriptMaxAge", scriptMaxAge);
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("pageSize: must be from 1 to 200, was " + pageSize);
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes: must not be negative, was " + cacheBytes);
        }
        if (cardBytes < 0) {
            throw new IllegalArgumentException("cardBytes: must not be negative, was " + cardBytes);
        }
        imageOrigins = List.copyOf(imageOrigins == null ? List.of() : imageOrigins);
        for (String origin : imageOrigins) {
            if (origin == null || !IMAGE_ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("imageOrigins: not an https origin: " + origin);
            }
        }
    }

    /** Settings with the default {@link #cardBytes()}: the components they had before cards were kept. */
    public WidgetSettings(URI baseUrl, Language defaultLanguage, List<String> frameAncestors, List<String> corsOrigins,
            Duration pageMaxAge, Duration scriptMaxAge, int pageSize, long cacheBytes, List<String> imageOrigins) {
        this(baseUrl, defaultLanguage, frameAncestors, corsOrigins, pageMaxAge, scriptMaxAge, pageSize, cacheBytes,
                imageOrigins, DEFAULT_CARD_BYTES);
    }

    /** Settings with no picture origin: the components they had before there were pictures. */
    public WidgetSettings(URI baseUrl, Language defaultLanguage, List<String> frameAncestors, List<String> corsOrigins,
            Duration pageMaxAge, Duration scriptMaxAge, int pageSize, long cacheBytes) {
        this(baseUrl, defaultLanguage, frameAncestors, corsOrigins, pageMaxAge, scriptMaxAge, pageSize, cacheBytes,
                List.of());
    }

    /**
     * The most the widget's two caches hold together, in bytes: {@link #cacheBytes()} of responses and
     * {@link #cardBytes()} of cards. What a host counts for them in its heap.
     */
    public long keptBytes() {
        return cacheBytes + cardBytes;
    }

    /**
     * French by default, framed only by the widget's own site, feeds open to all, five-minute pages, 32 MiB of
     * rendered responses and 16 MiB of rendered cards kept.
     */
    public static WidgetSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private static List<String> checkedSources(String name, List<String> sources) {
        Objects.requireNonNull(sources, name);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one source (use 'none' to forbid all)");
        }
        for (String source : sources) {
            if (source == null || !SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException(name + ": not a valid source: " + source);
            }
        }
        return List.copyOf(sources);
    }

    private static void checkAge(String name, Duration age) {
        Objects.requireNonNull(age, name);
        if (age.isNegative()) {
            throw new IllegalArgumentException(name + ": must not be negative, was " + age);
        }
    }

    /** Builds {@link WidgetSettings}, starting from the defaults. */
    public static final class Builder {
        private URI baseUrl;
        private Language defaultLanguage = Language.FR;
        private final List<String> frameAncestors = new ArrayList<>(List.of("'self'"));
        private final List<String> corsOrigins = new ArrayList<>(List.of("*"));
        private final List<String> imageOrigins = new ArrayList<>();
        private Duration pageMaxAge = Duration.ofMinutes(5);
        private Duration scriptMaxAge = Duration.ofHours(1);
        private int pageSize = 20;
        // A page of 20 is ~40 KB and a whole-edition .ics a few MB: room for the hundreds of pages partners ask for.
        private long cacheBytes = 32L * 1024 * 1024;
        private long cardBytes = DEFAULT_CARD_BYTES;

        private Builder() {
        }

        public Builder baseUrl(URI value) {
            baseUrl = value;
            return this;
        }

        public Builder defaultLanguage(Language value) {
            defaultLanguage = value;
            return this;
        }

        /** Replaces the sites allowed to frame the widget. */
        public Builder frameAncestors(List<String> values) {
            frameAncestors.clear();
            frameAncestors.addAll(values);
            return this;
        }

        /** Replaces the origins allowed to read the feeds from a script. */
        public Builder corsOrigins(List<String> values) {
            corsOrigins.clear();
            corsOrigins.addAll(values);
            return this;
        }

        public Builder pageMaxAge(Duration value) {
            pageMaxAge = value;
            return this;
        }

        public Builder scriptMaxAge(Duration value) {
            scriptMaxAge = value;
            return this;
        }

        public Builder pageSize(int value) {
            pageSize = value;
            return this;
        }

        public Builder cacheBytes(long value) {
            cacheBytes = value;
            return this;
        }

        /** How many bytes of the list's rendered cards to keep; {@code 0} to render every card of every page. */
        public Builder cardBytes(long value) {
            cardBytes = value;
            return this;
        }

        /** The https origins pictures may load from. */
        public Builder imageOrigins(List<String> values) {
            imageOrigins.clear();
            imageOrigins.addAll(values);
            return this;
        }

        /** The settings; throws {@link IllegalArgumentException} naming the setting that is wrong. */
        public WidgetSettings build() {
            return new WidgetSettings(baseUrl, defaultLanguage, frameAncestors, corsOrigins, pageMaxAge,
                    scriptMaxAge, pageSize, cacheBytes, imageOrigins, cardBytes);
        }
    }
}
