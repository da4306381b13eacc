package org.jqsi.ical.internal;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;

/**
 * The {@code VTIMEZONE} block of a zone (RFC 5545 §3.6.5), written from the JDK's own {@link ZoneRules}: the very
 * rules jqsi reads local times with everywhere else (the validator, the JSON-LD, the add-to-calendar links), so a
 * calendar app that reads the block finds the same instants.
 *
 * <p>Its {@code TZID} is exactly the zone's id as the program names it, aliases and links included
 * ({@code America/Blanc-Sablon}, {@code US/Eastern}, {@code Canada/Atlantic}): iCal4j's bundled blocks resolve links
 * to their target (Blanc-Sablon came out as {@code America/Puerto_Rico}), which left the events' {@code TZID} with no
 * block, and readers such as ical.js then took their times as floating.
 *
 * <p>A block covers the years of the events that use it, from the year before the first to the year after the last:
 * the observance in force at that start, each transition in the range, and, once the zone follows yearly rules, one
 * {@code STANDARD} and one {@code DAYLIGHT} with an {@code RRULE} (the form Outlook and Apple write). A rule that an
 * {@code RRULE} cannot say the way the JDK means it (a change at 24:00, a change set in UTC that falls on another local
 * day) is written as its dated transitions instead. A zone that never changes has one {@code STANDARD}.
 *
 * <p>{@code TZNAME} is left out: the JDK has no reliable abbreviation for every zone and year, and it is optional.
 * Blocks are rendered and folded once per zone and range; thread-safe.
 */
public final class TimeZoneBlocks {

    private record Key(ZoneId zone, int fromYear, int toYear) {
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    /** A 28-year span holds every pairing of weekday and leap year: an RRULE checked over it holds for ever. */
    private static final int CALENDAR_CYCLE = 28;

    private final Map<Key, String> rendered = new ConcurrentHashMap<>();

    /** Renders these zones' blocks for the given years now, so that the first feed does not. */
    public TimeZoneBlocks warm(int year, ZoneId... zones) {
        for (ZoneId zone : zones) {
            block(zone, year, year);
        }
        return this;
    }

    /**
     * The folded, CRLF-ended {@code VTIMEZONE} block of a zone for events from {@code fromYear} to {@code toYear}.
     *
     * @throws IllegalArgumentException when {@code toYear} is before {@code fromYear}
     */
    public String block(ZoneId zone, int fromYear, int toYear) {
        if (toYear < fromYear) {
            throw new IllegalArgumentException("toYear " + toYear + " is before fromYear " + fromYear);
        }
        return rendered.computeIfAbsent(new Key(zone, fromYear, toYear), TimeZoneBlocks::render);
    }

    /**
     * The block of a zone for a calendar that has no event, which must still hold a component (RFC 5545 §3.6:
     * {@code icalbody = calprops component}): the zone's rules as they stand since its last dated change, so that the
     * bytes depend neither on when the calendar is written nor on events it does not have.
     */
    public String standing(ZoneId zone) {
        List<ZoneOffsetTransition> dated = zone.getRules().getTransitions();
        int year = dated.isEmpty() ? 1970 : dated.get(dated.size() - 1).getDateTimeAfter().getYear() + 1;
        return block(zone, year, year);
    }

    private static String render(Key key) {
        ZoneRules rules = key.zone().getRules();
        // The earliest instant of the first year anywhere, the latest of the year after the last.
        Instant start = LocalDate.of(key.fromYear(), 1, 1).atStartOfDay(ZoneOffset.MAX).toInstant();
        Instant end = LocalDate.of(key.toYear() + 2, 1, 1).atStartOfDay(ZoneOffset.MIN).toInstant();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition previous = rules.previousTransition(start);
        if (previous != null) {
            transitions.add(previous);
        }
        for (ZoneOffsetTransition next = rules.nextTransition(start); next != null && next.getInstant().isBefore(end);
                next = rules.nextTransition(next.getInstant())) {
            transitions.add(next);
        }

        StringBuilder lines = new StringBuilder(1024);
        lines.append("BEGIN:VTIMEZONE\r\n").append("TZID:").append(key.zone().getId()).append("\r\n");
        if (previous == null) {
            // No change before the events (UTC, Etc/GMT+5, or Antarctica/Troll before its station opened in 2005):
            // the offset of those years, from before them.
            ZoneOffset offset = rules.getOffset(start);
            observance(lines, "STANDARD", LocalDateTime.of(Math.min(1970, key.fromYear() - 1), 1, 1, 0, 0), offset,
                    offset, null);
        }
        if (!transitions.isEmpty()) {
            int cutYear = yearlyFrom(rules, key.fromYear());
            boolean yearly = cutYear != Integer.MAX_VALUE;
            for (ZoneOffsetTransition t : transitions) {
                if (!yearly || t.getDateTimeBefore().getYear() < cutYear) {
                    observance(lines, kind(t.getOffsetAfter(), rules.getStandardOffset(t.getInstant())),
                            t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter(), null);
                }
            }
            if (yearly) {
                for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
                    ZoneOffsetTransition first = rule.createTransition(cutYear);
                    observance(lines, kind(rule.getOffsetAfter(), rule.getStandardOffset()),
                            first.getDateTimeBefore(), rule.getOffsetBefore(), rule.getOffsetAfter(),
                            rrule(rule));
                }
            }
        }
        lines.append("END:VTIMEZONE\r\n");
        StringBuilder out = new StringBuilder(lines.length() + 16);
        try {
            OctetFolding.appendFolded(lines, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /**
     * The first year written with {@code RRULE}s: after the zone's last dated transition and no later than the year
     * before the events; {@link Integer#MAX_VALUE} when the zone has no yearly rules or one of them cannot be said as
     * an {@code RRULE}.
     */
    private static int yearlyFrom(ZoneRules rules, int fromYear) {
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        List<ZoneOffsetTransition> dated = rules.getTransitions();
        int afterDated = dated.isEmpty() ? fromYear - 1
                : dated.get(dated.size() - 1).getDateTimeAfter().getYear() + 1;
        int cutYear = Math.max(afterDated, fromYear - 1);
        for (ZoneOffsetTransitionRule rule : yearly) {
            if (rrule(rule) == null || !rruleHolds(rule, cutYear)) {
                return Integer.MAX_VALUE;
            }
        }
        return cutYear;
    }

    /**
     * The {@code RRULE} of a yearly rule, on the local day of the rule (RFC 5545 §3.3.10), or {@code null} when the
     * rule's shape has none. Java's rules say "the Sunday on or after the 8th" or "the last Sunday on or before the
     * last day"; the {@code BYDAY} with an ordinal is used when it means the same, else {@code BYDAY} with seven
     * {@code BYMONTHDAY}s.
     */
    private static String rrule(ZoneOffsetTransitionRule rule) {
        int month = rule.getMonth().getValue();
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek weekday = rule.getDayOfWeek();
        String head = "FREQ=YEARLY;BYMONTH=" + month;
        if (weekday == null) {
            return head + ";BYMONTHDAY=" + day;
        }
        String byDay = weekday.name().substring(0, 2);
        if (day > 0) {
            int shortest = rule.getMonth().minLength();
            if (day + 6 > shortest) {
                return null;
            }
            if (day + 6 == shortest && shortest == rule.getMonth().maxLength()) {
                // "On or after the 25th" of a 31-day month is its last such day: how tzdata's "lastSun" is compiled.
                return head + ";BYDAY=-1" + byDay;
            }
            if ((day - 1) % 7 == 0) {
                return head + ";BYDAY=" + ((day - 1) / 7 + 1) + byDay;
            }
            StringBuilder days = new StringBuilder();
            for (int d = day; d <= day + 6; d++) {
                days.append(d == day ? "" : ",").append(d);
            }
            return head + ";BYDAY=" + byDay + ";BYMONTHDAY=" + days;
        }
        if (day == -1) {
            return head + ";BYDAY=-1" + byDay;
        }
        if (day - 6 < -28) {
            return null;
        }
        StringBuilder days = new StringBuilder();
        for (int d = day; d >= day - 6; d--) {
            days.append(d == day ? "" : ",").append(d);
        }
        return head + ";BYDAY=" + byDay + ";BYMONTHDAY=" + days;
    }

    /**
     * Whether the {@code RRULE} gives, in every year of a calendar cycle, the local day and time at which the JDK
     * puts the change (a change at 24:00, or set in UTC, can fall on another local day than the rule names).
     */
    private static boolean rruleHolds(ZoneOffsetTransitionRule rule, int fromYear) {
        LocalTime time = rule.createTransition(fromYear).getDateTimeBefore().toLocalTime();
        for (int year = fromYear; year < fromYear + CALENDAR_CYCLE; year++) {
            LocalDateTime actual = rule.createTransition(year).getDateTimeBefore();
            if (!actual.toLocalTime().equals(time) || !actual.toLocalDate().equals(ruleDay(rule, year))) {
                return false;
            }
        }
        return true;
    }

    /** The local day a rule names in a year, read the way {@link #rrule} writes it. */
    private static LocalDate ruleDay(ZoneOffsetTransitionRule rule, int year) {
        Month month = rule.getMonth();
        int day = rule.getDayOfMonthIndicator();
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate named = day > 0 ? first.withDayOfMonth(day) : first.withDayOfMonth(first.lengthOfMonth() + 1 + day);
        if (rule.getDayOfWeek() == null) {
            return named;
        }
        return day > 0 ? named.with(TemporalAdjusters.nextOrSame(rule.getDayOfWeek()))
                : named.with(TemporalAdjusters.previousOrSame(rule.getDayOfWeek()));
    }

    private static String kind(ZoneOffset after, ZoneOffset standard) {
        return after.getTotalSeconds() > standard.getTotalSeconds() ? "DAYLIGHT" : "STANDARD";
    }

    private static void observance(StringBuilder lines, String kind, LocalDateTime onset, ZoneOffset from,
            ZoneOffset to, String rrule) {
        lines.append("BEGIN:").append(kind).append("\r\n");
        lines.append("DTSTART:").append(onset.format(LOCAL)).append("\r\n");
        lines.append("TZOFFSETFROM:").append(utcOffset(from)).append("\r\n");
        lines.append("TZOFFSETTO:").append(utcOffset(to)).append("\r\n");
        if (rrule != null) {
            lines.append("RRULE:").append(rrule).append("\r\n");
        }
        lines.append("END:").append(kind).append("\r\n");
    }

    /** A UTC-OFFSET value (RFC 5545 §3.3.14): {@code -0500}, {@code +054521} when it has seconds. */
    static String utcOffset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format(Locale.ROOT, "%02d", abs % 60);
    }
}
