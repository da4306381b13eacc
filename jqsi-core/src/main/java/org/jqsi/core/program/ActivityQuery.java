package org.jqsi.core.program;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Region;

/**
 * Which activities to list, and which page of them. Every filter is optional; filters combine with AND, the values
 * inside one filter with OR. Results are sorted by start (activities "to be announced" last, by id), then by id.
 *
 * <p>A date range is read in each activity's own zone: "November 7" means November 7 in the Magdalen Islands for
 * an activity there. An activity matches a range, or "upcoming", when any part of it falls inside: an exhibition
 * that opened last week and is still open matches today. An activity with no announced end is taken to last until
 * the end of its first day. Any date or time filter leaves out activities "to be announced".
 *
 * @param editionIds editions to keep, or empty for all
 * @param regions regions to keep, or empty for all
 * @param kinds kinds to keep, or empty for all
 * @param themeTag a theme tag the activity or its edition carries, or {@code null}
 * @param partnerId a partner involved in any role, or {@code null}
 * @param from the first day of the range, inclusive, or {@code null}
 * @param to the last day of the range, inclusive, or {@code null}
 * @param notOverBefore keep activities that have not ended at this instant ("upcoming"), or {@code null}
 * @param ongoingAt keep activities under way at this instant ("happening now"), or {@code null}
 * @param modes attendance modes to keep, or empty for all
 * @param freeOnly keep only activities the program says are free
 * @param registrationRequired keep activities that require registration ({@code true}) or do not ({@code false}),
 *     or {@code null} for both
 * @param language keep activities held in this language, or {@code null}
 * @param text words that must all appear in the title, description, people, partners or place, ignoring case and
 *     accents, or {@code null}; what "appear" means is the program's {@link TextSearch}: parts of words by default
 *     ({@link TextSearch#folding()}), French and English word forms with {@code jqsi-search}
 * @param offset how many matching activities to skip
 * @param limit how many to return at most
 * @param accessibility accessibility features the activity must all offer, or empty for all
 */
public record ActivityQuery(
        Set<String> editionIds,
        Set<Region> regions,
        Set<ActivityKind> kinds,
        String themeTag,
        String partnerId,
        LocalDate from,
        LocalDate to,
        Instant notOverBefore,
        Instant ongoingAt,
        Set<AttendanceMode> modes,
        boolean freeOnly,
        Boolean registrationRequired,
        Locale language,
        String text,
        int offset,
        int limit,
        Set<AccessibilityFeature> accessibility) {

    /** A query without an accessibility filter: the components it had before there was one. */
    public ActivityQuery(Set<String> editionIds, Set<Region> regions, Set<ActivityKind> kinds, String themeTag,
            String partnerId, LocalDate from, LocalDate to, Instant notOverBefore, Instant ongoingAt,
            Set<AttendanceMode> modes, boolean freeOnly, Boolean registrationRequired, Locale language, String text,
            int offset, int limit) {
        this(editionIds, regions, kinds, themeTag, partnerId, from, to, notOverBefore, ongoingAt, modes, freeOnly,
                registrationRequired, language, text, offset, limit, Set.of());
    }

    /** The page size used when none is given. */
    public static final int DEFAULT_LIMIT = 50;

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    /** Text queries longer than this are refused: nobody types them, and they cost. */
    public static final int MAX_TEXT_LENGTH = 200;

    public ActivityQuery {
        editionIds = Set.copyOf(editionIds == null ? Set.of() : editionIds);
        regions = regions == null || regions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(regions));
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        modes = modes == null || modes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modes));
        accessibility = accessibility == null || accessibility.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(accessibility));
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                text = null;
            } else if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("text: at most " + MAX_TEXT_LENGTH + " characters");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " is before from: " + from);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Every activity, first page. */
    public static ActivityQuery all() {
        return builder().build();
    }

    /** A builder with no filter and the default page. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this query. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the query says anything about dates or times, which leaves out undated activities. */
    public boolean isTimeBound() {
        return from != null || to != null || notOverBefore != null || ongoingAt != null;
    }

    /** The text filter, if any. */
    public Optional<String> textFilter() {
        return Optional.ofNullable(text);
    }

    /** Builds an {@link ActivityQuery}. */
    public static final class Builder {
        private final Set<String> editionIds = new LinkedHashSet<>();
        private final Set<Region> regions = new LinkedHashSet<>();
        private final Set<ActivityKind> kinds = new LinkedHashSet<>();
        private String themeTag;
        private String partnerId;
        private LocalDate from;
        private LocalDate to;
        private Instant notOverBefore;
        private Instant ongoingAt;
        private final Set<AttendanceMode> modes = new LinkedHashSet<>();
        private boolean freeOnly;
        private Boolean registrationRequired;
        private Locale language;
        private String text;
        private int offset;
        private int limit = DEFAULT_LIMIT;
        private final Set<AccessibilityFeature> accessibility = new LinkedHashSet<>();

        private Builder() {
        }

        private Builder(ActivityQuery q) {
            editionIds.addAll(q.editionIds);
            regions.addAll(q.regions);
            kinds.addAll(q.kinds);
            themeTag = q.themeTag;
            partnerId = q.partnerId;
            from = q.from;
            to = q.to;
            notOverBefore = q.notOverBefore;
            ongoingAt = q.ongoingAt;
            modes.addAll(q.modes);
            freeOnly = q.freeOnly;
            registrationRequired = q.registrationRequired;
            language = q.language;
            text = q.text;
            offset = q.offset;
            limit = q.limit;
            accessibility.addAll(q.accessibility);
        }

        /** Keeps activities that offer this feature (and any other asked for). */
        public Builder accessibility(AccessibilityFeature feature) {
            accessibility.add(feature);
            return this;
        }

        public Builder edition(String editionId) {
            editionIds.add(editionId);
            return this;
        }

        public Builder region(Region region) {
            regions.add(region);
            return this;
        }

        public Builder kind(ActivityKind kind) {
            kinds.add(kind);
            return this;
        }

        public Builder themeTag(String tag) {
            themeTag = tag;
            return this;
        }

        public Builder partner(String id) {
            partnerId = id;
            return this;
        }

        /** Activities on any day from {@code first} to {@code last}, inclusive, in their own zones. */
        public Builder between(LocalDate first, LocalDate last) {
            from = first;
            to = last;
            return this;
        }

        public Builder from(LocalDate first) {
            from = first;
            return this;
        }

        public Builder to(LocalDate last) {
            to = last;
            return this;
        }

        /**
         * Activities not over yet and starting within the next {@code days} days, counting today (in {@code zone}):
         * what a widget shows as "this week".
         */
        public Builder nextDays(Clock clock, ZoneId zone, int days) {
            if (days < 1) {
                throw new IllegalArgumentException("days: must be 1 or more, was " + days);
            }
            LocalDate today = LocalDate.now(clock.withZone(zone));
            notOverBefore = clock.instant();
            from = today;
            to = today.plusDays(days - 1L);
            return this;
        }

        /** Activities that have not ended yet. */
        public Builder upcoming(Clock clock) {
            notOverBefore = clock.instant();
            return this;
        }

        /** Activities under way right now. */
        public Builder happeningNow(Clock clock) {
            ongoingAt = clock.instant();
            return this;
        }

        public Builder mode(AttendanceMode mode) {
            modes.add(mode);
            return this;
        }

        public Builder freeOnly(boolean value) {
            freeOnly = value;
            return this;
        }

        public Builder registrationRequired(Boolean value) {
            registrationRequired = value;
            return this;
        }

        public Builder language(Locale value) {
            language = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder offset(int value) {
            offset = value;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        /** The query; throws {@link IllegalArgumentException} naming the parameter that is out of range. */
        public ActivityQuery build() {
            return new ActivityQuery(editionIds, regions, kinds, themeTag, partnerId, from, to, notOverBefore,
                    ongoingAt, modes, freeOnly, registrationRequired, language, text, offset, limit, accessibility);
        }
    }
}
