package org.jqsi.core.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When an activity happens: at a time, over a window of days, or "to be announced".
 *
 * <p>Times are kept as local date-times with their zone, the way organisers announce them ("7:30 p.m. in
 * Trois-Rivières"), not as instants: an activity stays at 7:30 p.m. local time whatever the daylight-saving rules say,
 * and the offset is worked out when it is needed. Most of Quebec is on {@link Region#EASTERN}; the Magdalen Islands
 * and the Lower North Shore are not.
 */
public sealed interface Schedule permits Schedule.Timed, Schedule.Window, Schedule.ToBeAnnounced {

    /** Whether the schedule has a date, which is what puts an activity in a calendar. */
    default boolean isDated() {
        return !(this instanceof ToBeAnnounced);
    }

    /** The zone the schedule's local times are in, when it has a date. */
    Optional<ZoneId> zoneId();

    /** The moment the activity starts, when it has a date (the first day's start for an all-day window). */
    Optional<ZonedDateTime> startsAt();

    /**
     * The moment the activity ends, when it can be told: an all-day window ends at the start of the day after its
     * last day; a timed activity with no announced end has none.
     */
    Optional<ZonedDateTime> endsAt();

    /** The first local day of the activity, when it has a date. */
    Optional<LocalDate> firstDay();

    /** The last local day of the activity, when it has a date (for a timed activity with no end, its first day). */
    Optional<LocalDate> lastDay();

    /**
     * At a given time, in a zone, possibly with an end.
     *
     * @param start the local start
     * @param end the local end, or {@code null} when not announced
     * @param zone where the local times are read
     */
    record Timed(LocalDateTime start, LocalDateTime end, ZoneId zone) implements Schedule {

        /**
         * How long calendars show a timed activity whose end is not announced: one hour, the length Google Calendar
         * gives a new event. A calendar event with a start and no end lasts no time at all (RFC 5545 §3.6.1), which
         * some apps hide or draw as a line; the validator warns when an end is missing.
         */
        public static final Duration ASSUMED_DURATION = Duration.ofHours(1);

        public Timed {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
        }

        /** From a start with no announced end. */
        public static Timed at(LocalDateTime start, ZoneId zone) {
            return new Timed(start, null, zone);
        }

        /** From a start to an end. */
        public static Timed between(LocalDateTime start, LocalDateTime end, ZoneId zone) {
            return new Timed(start, Objects.requireNonNull(end, "end"), zone);
        }

        @Override
        public Optional<ZoneId> zoneId() {
            return Optional.of(zone);
        }

        @Override
        public Optional<ZonedDateTime> startsAt() {
            return Optional.of(ZonedDateTime.of(start, zone));
        }

        @Override
        public Optional<ZonedDateTime> endsAt() {
            return Optional.ofNullable(end).map(e -> ZonedDateTime.of(e, zone));
        }

        /**
         * The end calendars show: the announced one, else {@link #ASSUMED_DURATION} after the start (in elapsed time,
         * so an hour across a change of offset is still an hour).
         */
        public ZonedDateTime endOrAssumed() {
            return end != null ? ZonedDateTime.of(end, zone)
                    : ZonedDateTime.of(start, zone).plus(ASSUMED_DURATION);
        }

        @Override
        public Optional<LocalDate> firstDay() {
            return Optional.of(start.toLocalDate());
        }

        @Override
        public Optional<LocalDate> lastDay() {
            return Optional.of(end == null ? start.toLocalDate() : lastDayOf(end));
        }

        private static LocalDate lastDayOf(LocalDateTime end) {
            // An activity that ends at midnight ends on the day before.
            return end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1) : end.toLocalDate();
        }
    }

    /**
     * Open over one or more days: an exhibition, a film available online from one day to another. With no times, the
     * window covers whole days (an all-day event in calendars); with times, it opens on the first day at
     * {@code opens} and closes on the last day at {@code closes}.
     *
     * @param first the first day
     * @param last the last day, inclusive
     * @param opens the time it opens on the first day, or {@code null} for the whole day
     * @param closes the time it closes on the last day, or {@code null} for the whole day
     * @param zone where the days and times are read
     */
    record Window(LocalDate first, LocalDate last, LocalTime opens, LocalTime closes, ZoneId zone)
            implements Schedule {

        public Window {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(zone, "zone");
        }

        /** Whole days, from {@code first} to {@code last} inclusive. */
        public static Window days(LocalDate first, LocalDate last, ZoneId zone) {
            return new Window(first, last, null, null, zone);
        }

        /** Whether the window covers whole days, with no opening or closing time. */
        public boolean allDay() {
            return opens == null && closes == null;
        }

        @Override
        public Optional<ZoneId> zoneId() {
            return Optional.of(zone);
        }

        @Override
        public Optional<ZonedDateTime> startsAt() {
            return Optional.of(opens == null ? first.atStartOfDay(zone) : ZonedDateTime.of(first, opens, zone));
        }

        @Override
        public Optional<ZonedDateTime> endsAt() {
            return Optional.of(closes == null ? last.plusDays(1).atStartOfDay(zone)
                    : ZonedDateTime.of(last, closes, zone));
        }

        @Override
        public Optional<LocalDate> firstDay() {
            return Optional.of(first);
        }

        @Override
        public Optional<LocalDate> lastDay() {
            return Optional.of(last);
        }
    }

    /**
     * Not dated yet ("dates to be announced"). Such activities are listed apart and left out of calendars.
     *
     * @param note what is known ("in the fall"), or {@code null}
     */
    record ToBeAnnounced(LocalizedText note) implements Schedule {

        /** With nothing more said. */
        public static ToBeAnnounced unknown() {
            return new ToBeAnnounced(null);
        }

        @Override
        public Optional<ZoneId> zoneId() {
            return Optional.empty();
        }

        @Override
        public Optional<ZonedDateTime> startsAt() {
            return Optional.empty();
        }

        @Override
        public Optional<ZonedDateTime> endsAt() {
            return Optional.empty();
        }

        @Override
        public Optional<LocalDate> firstDay() {
            return Optional.empty();
        }

        @Override
        public Optional<LocalDate> lastDay() {
            return Optional.empty();
        }
    }
}
