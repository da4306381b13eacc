package org.jqsi.ical.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Schedule;
import org.jqsi.ical.FeedTarget;
import org.jqsi.ical.internal.EventImport.BadEvent;
import org.jqsi.ical.internal.EventImport.Event;
import org.jqsi.ical.internal.EventImport.Moment;

/**
 * The occurrences of one UID within an edition: its event, or the recurrence set of RFC 5545 §3.8.5 (DTSTART, the
 * dates of each {@code RRULE}, each {@code RDATE} of any value type, DATE-TIME, DATE or PERIOD, less each
 * {@code EXDATE}), each replaced by the event whose {@code RECURRENCE-ID} names it.
 *
 * <p>Rules are expanded in the local time of DTSTART's frame (RFC 5545 §3.3.10: a rule repeats local times), with
 * iCal4j's {@link Recur}; everything else is matched here as ical.js does: an {@code EXDATE} or {@code RECURRENCE-ID}
 * names an occurrence by its instant whatever its form (UTC, another TZID, floating), or by its day when either
 * side is a DATE (Exchange writes a DATE-TIME {@code RECURRENCE-ID} for an all-day series, and calendar apps an
 * {@code EXDATE;VALUE=DATE} for a timed one). A floating {@code UNTIL} is read in DTSTART's frame.
 */
final class Recurrence {

    /**
     * The most candidate dates a recurrence rule may make iCal4j step through, from the event's start to the end of
     * the edition. A festival event repeats daily or weekly: a few hundred steps. Without a bound, a single
     * {@code RRULE:FREQ=SECONDLY} (or a long list of {@code BYSECOND}/{@code BYMINUTE} values, or a start centuries
     * ago) in a 200-byte feed makes millions of occurrences and holds the importer for seconds to hours.
     */
    static final long MAX_RECURRENCE_STEPS = 100_000;

    /**
     * The most activities one recurring event may become in an edition: more than three an hour for a month. Past
     * it the event is refused rather than flooding the program with copies.
     */
    static final int MAX_OCCURRENCES = 2_000;

    private static final DateTimeFormatter DAY_KEY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME_KEY = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final DateTimeFormatter FLOATING = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final Pattern UNTIL = Pattern.compile("(?i)(^|;)UNTIL=([^;]*)");
    private static final Pattern RSCALE = Pattern.compile("(?i)(^|;)RSCALE=([^;]*)");
    private static final Pattern SKIP = Pattern.compile("(?i)(^|;)SKIP=[^;]*");

    /**
     * One activity drawn from an event.
     *
     * @param key the occurrence's original local start ({@code 20211109-1900}), or {@code null} for a single event
     * @param activity the activity
     */
    record Occurrence(String key, Activity activity) {
    }

    /** A start of the recurrence set, local in DTSTART's frame, with its own end when an RDATE PERIOD gave one. */
    private record Start(LocalDateTime time, LocalDate date, Moment end) {
    }

    private final FeedTarget target;
    private final ImportProblems problems;
    private final EventImport reader;
    private final String ownDomain;

    Recurrence(FeedTarget target, EventImport reader, String ownDomain, ImportProblems problems) {
        this.target = target;
        this.reader = reader;
        this.ownDomain = ownDomain;
        this.problems = problems;
    }

    /**
     * The activities of one UID within the edition.
     *
     * @param master the event without RECURRENCE-ID, or {@code null} when the feed has only modified occurrences
     * @param overrides the events with a RECURRENCE-ID
     * @param zones the zones of the master's calendar
     * @param outside counts the occurrences left out because they fall outside the edition
     */
    List<Occurrence> occurrences(Event master, List<Event> overrides, FeedZones zones, int[] outside)
            throws BadEvent {
        String eventId = ImportedIds.forUid(master != null ? master.uid() : overrides.get(0).uid(), ownDomain);
        List<Occurrence> result = new ArrayList<>();
        TreeMap<String, Occurrence> byKey = new TreeMap<>();
        Map<String, Start> starts = new HashMap<>();
        if (master != null && !master.isRecurring() && overrides.isEmpty()) {
            Schedule schedule = schedule(master, master.start().value().time(), master.start().value().date(), null);
            if (overlapsEdition(schedule)) {
                result.add(new Occurrence(null, master.activity().toBuilder().id(eventId).schedule(schedule).build()));
            } else {
                outside[0]++;
            }
            return result;
        }
        if (master != null) {
            for (Start start : recurrenceSet(master, overrides, zones)) {
                String key = key(master, start);
                starts.put(key, start);
                Schedule schedule = schedule(master, start.time(), start.date(), start.end());
                byKey.put(key, new Occurrence(key, master.activity().toBuilder()
                        .id(ImportedIds.forOccurrence(eventId, key)).schedule(schedule).build()));
            }
        }
        if (master != null) {
            thisAndFuture(master, overrides, starts, byKey, eventId);
        }
        // The series' own occurrences first, in order, then each modified one in feed order, as the feed has them.
        List<Occurrence> modified = new ArrayList<>();
        for (Event override : overrides) {
            if (isThisAndFuture(override) && master != null) {
                continue;
            }
            String key = master == null ? null : matching(master, starts, override.recurrenceId());
            if (key == null) {
                key = ownKey(override);
                problems.warning(override.uid(), override.recurrenceId().line(), "event.recurrence-id-unmatched",
                        IcalMessages.text(master == null ? "event.recurrence-id-unmatched.no-master"
                                : "event.recurrence-id-unmatched.no-occurrence"));
            }
            byKey.remove(key);
            Schedule schedule = schedule(override, override.start().value().time(), override.start().value().date(),
                    null);
            modified.add(new Occurrence(key, override.activity().toBuilder()
                    .id(ImportedIds.forOccurrence(eventId, key)).schedule(schedule).build()));
        }
        List<Occurrence> all = new ArrayList<>(byKey.values());
        all.addAll(modified);
        for (Occurrence occurrence : all) {
            if (overlapsEdition(occurrence.activity().schedule())) {
                result.add(occurrence);
            } else {
                outside[0]++;
            }
        }
        if (result.size() > MAX_OCCURRENCES) {
            throw new BadEvent("event.recurrence-too-large", IcalMessages.text("event.recurrence-too-large",
                    result.size(), MAX_OCCURRENCES), master != null ? master.uid() : overrides.get(0).uid(),
                    ruleLine(master));
        }
        return result;
    }

    private static boolean isThisAndFuture(Event override) {
        return override.component().property("RECURRENCE-ID").flatMap(l -> l.parameter("RANGE"))
                .filter(r -> r.strip().equalsIgnoreCase("THISANDFUTURE")).isPresent();
    }

    /**
     * Applies each {@code RECURRENCE-ID;RANGE=THISANDFUTURE} (RFC 5545 §3.8.4.4): the occurrence it names and every
     * later one take its content and are moved by as much as it moved its own, as ical.js does. Earlier ranges first,
     * so a later one wins on the occurrences both reach.
     */
    private void thisAndFuture(Event master, List<Event> overrides, Map<String, Start> starts,
            TreeMap<String, Occurrence> byKey, String eventId) {
        List<Event> ranges = overrides.stream().filter(Recurrence::isThisAndFuture)
                .sorted((a, b) -> a.recurrenceId().value().day().compareTo(b.recurrenceId().value().day())).toList();
        for (Event range : ranges) {
            Moment id = range.recurrenceId();
            Moment moved = range.start();
            for (Map.Entry<String, Start> entry : starts.entrySet()) {
                Start start = entry.getValue();
                Schedule schedule;
                if (master.start().isDate() || moved.isDate()) {
                    LocalDate day = start.date() != null ? start.date() : start.time().toLocalDate();
                    if (day.isBefore(id.value().day())) {
                        continue;
                    }
                    long days = java.time.temporal.ChronoUnit.DAYS.between(id.value().day(), moved.value().day());
                    schedule = moved.isDate() ? schedule(range, null, day.plusDays(days), null)
                            : schedule(range, moved.value().time().plusDays(
                                    java.time.temporal.ChronoUnit.DAYS.between(moved.value().time().toLocalDate(),
                                            day.plusDays(days))), null, null);
                } else {
                    Instant at = master.start().frame().instant(start.time());
                    if (at.isBefore(id.instant())) {
                        continue;
                    }
                    // The same move in the moved event's local time: a 19:00 series moved to 20:00 stays at 20:00.
                    Duration shift = Duration.between(id.in(moved.frame()), moved.value().time());
                    LocalDateTime local = LocalDateTime.ofInstant(at, moved.frame().rules().getOffset(at));
                    schedule = schedule(range, local.plus(shift), null, null);
                }
                byKey.put(entry.getKey(), new Occurrence(entry.getKey(), range.activity().toBuilder()
                        .id(ImportedIds.forOccurrence(eventId, entry.getKey())).schedule(schedule).build()));
            }
        }
    }

    /** The key of the series occurrence an override names, or {@code null}. */
    private static String matching(Event master, Map<String, Start> starts, Moment recurrenceId) {
        for (Map.Entry<String, Start> entry : starts.entrySet()) {
            if (names(master.start(), entry.getValue(), recurrenceId)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * Whether an EXDATE or RECURRENCE-ID value names an occurrence of the series that starts at {@code start}: by its
     * day when either side is a DATE (a DATE-TIME's day in its own frame against an all-day series, else in the
     * series' frame), else by its instant.
     */
    private static boolean names(Moment start, Start candidate, Moment named) {
        if (start.isDate() || named.isDate()) {
            LocalDate day = candidate.date() != null ? candidate.date() : candidate.time().toLocalDate();
            LocalDate namedDay = named.isDate() ? named.value().date()
                    : start.isDate() ? named.value().time().toLocalDate() : named.in(start.frame()).toLocalDate();
            return day.equals(namedDay);
        }
        return start.frame().instant(candidate.time()).equals(named.instant());
    }

    /** The recurrence set of a master within the edition and around its overrides, less its EXDATEs. */
    private List<Start> recurrenceSet(Event master, List<Event> overrides, FeedZones zones) throws BadEvent {
        Moment start = master.start();
        boolean allDay = start.isDate();
        LocalDate from = target.edition().start().minusDays(2);
        LocalDate to = target.edition().end().plusDays(3);
        for (Event override : overrides) {
            LocalDate day = override.recurrenceId().value().day();
            from = day.minusDays(2).isBefore(from) ? day.minusDays(2) : from;
            to = day.plusDays(3).isAfter(to) ? day.plusDays(3) : to;
        }
        TreeMap<LocalDateTime, Start> set = new TreeMap<>();
        LocalDateTime seed = allDay ? start.value().date().atStartOfDay() : start.value().time();
        set.put(seed, new Start(allDay ? null : seed, allDay ? start.value().date() : null, null));
        for (ContentLine rule : master.component().all("RRULE")) {
            for (LocalDateTime time : expand(master, rule, from, to)) {
                set.putIfAbsent(time, new Start(allDay ? null : time, allDay ? time.toLocalDate() : null, null));
            }
        }
        for (ContentLine rdate : master.component().all("RDATE")) {
            for (String raw : IcalValues.list(rdate.value())) {
                Start added = rdate(master, rdate, raw, zones);
                if (added != null) {
                    set.putIfAbsent(added.time() != null ? added.time() : added.date().atStartOfDay(), added);
                }
            }
        }
        for (ContentLine exdate : master.component().all("EXDATE")) {
            for (String raw : IcalValues.list(exdate.value())) {
                Moment excluded = listed(master, exdate, raw, zones);
                if (excluded == null) {
                    continue;
                }
                set.values().removeIf(candidate -> names(start, candidate, excluded));
            }
        }
        LocalDateTime first = from.atStartOfDay();
        LocalDateTime last = to.atStartOfDay();
        List<Start> within = new ArrayList<>();
        for (Map.Entry<LocalDateTime, Start> entry : set.entrySet()) {
            if (!entry.getKey().isBefore(first) && entry.getKey().isBefore(last)) {
                within.add(entry.getValue());
            }
        }
        return within;
    }

    /** One value of an RDATE, local in DTSTART's frame (a DATE on a timed series at DTSTART's time). */
    private Start rdate(Event master, ContentLine property, String raw, FeedZones zones) throws BadEvent {
        Moment start = master.start();
        if (property.valueTypeIs("PERIOD")) {
            int slash = raw.indexOf('/');
            if (slash < 0) {
                problems.warning(master.uid(), property.line(), "event.bad-rdate",
                        IcalMessages.text("event.bad-rdate", raw));
                return null;
            }
            Moment begin = listed(master, property, raw.substring(0, slash), zones);
            if (begin == null || begin.isDate()) {
                return null;
            }
            String rest = raw.substring(slash + 1);
            Moment end;
            try {
                if (rest.strip().startsWith("P") || rest.strip().startsWith("+") || rest.strip().startsWith("-")) {
                    IcalValues.Span span = IcalValues.span(rest);
                    Instant at = begin.instant().plusSeconds(span.seconds()).plus(span.days(), ChronoUnit.DAYS);
                    end = new Moment(new IcalValues.When(null,
                            LocalDateTime.ofInstant(at, begin.frame().rules().getOffset(at)), false),
                            new FeedZones.Frame(begin.frame().rules(), begin.frame().zone(), begin.frame().keepsLocal(),
                                    null, null), property.line());
                } else {
                    end = listed(master, property, rest, zones);
                }
            } catch (IcalValues.BadValue e) {
                end = null;
            }
            LocalDateTime local = start.isDate() ? null : begin.in(start.frame());
            return new Start(local, start.isDate() ? begin.value().time().toLocalDate() : null, end);
        }
        Moment value = listed(master, property, raw, zones);
        if (value == null) {
            return null;
        }
        if (start.isDate()) {
            return new Start(null, value.isDate() ? value.value().date() : value.value().time().toLocalDate(), null);
        }
        LocalDateTime local = value.isDate() ? value.value().date().atTime(start.value().time().toLocalTime())
                : value.in(start.frame());
        return new Start(local, null, null);
    }

    /** One value of an RDATE or EXDATE list, in its own frame, or {@code null} (with a warning) when unreadable. */
    private Moment listed(Event master, ContentLine property, String raw, FeedZones zones) {
        try {
            IcalValues.When value = IcalValues.when(raw);
            return new Moment(value, reader.frameOf(property, value, zones, master.uid()), property.line());
        } catch (IcalValues.BadValue e) {
            problems.warning(master.uid(), property.line(), "event.bad-" + property.name().toLowerCase(Locale.ROOT),
                    IcalMessages.text("event.bad-date-ignored", property.name(), e.reason()));
            return null;
        }
    }

    /** The local starts an RRULE gives from DTSTART, within the window. */
    private List<LocalDateTime> expand(Event master, ContentLine property, LocalDate from, LocalDate to)
            throws BadEvent {
        Moment start = master.start();
        String rule = property.value().strip();
        Matcher rscale = RSCALE.matcher(rule);
        if (rscale.find()) {
            if (!rscale.group(2).strip().equalsIgnoreCase("GREGORIAN")) {
                throw new BadEvent("event.rscale", IcalMessages.text("event.rscale", rscale.group(2)), master.uid(),
                        property.line());
            }
            rule = RSCALE.matcher(rule).replaceAll("$1");
            rule = SKIP.matcher(rule).replaceAll("$1");
        }
        Matcher until = UNTIL.matcher(rule);
        if (until.find()) {
            rule = until.replaceFirst("$1UNTIL=" + untilInFrame(master, property, until.group(2)));
        }
        rule = rule.replaceAll(";;+", ";").replaceAll("^;|;$", "");
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(rule.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BadEvent("event.bad-rrule", IcalMessages.text("event.bad-rrule", property.value()),
                    master.uid(), property.line());
        }
        checkCost(master, recur, property.line());
        LocalDateTime seed = start.isDate() ? start.value().date().atStartOfDay() : start.value().time();
        // With a COUNT, DTSTART is the first occurrence even when the rule would not give it (RFC 5545 §3.3.10):
        // the rule then gives COUNT - 1 more. Counting needs the dates from DTSTART on, not from the window.
        int count = recur.getCount();
        LocalDate expandFrom = count > 0 && seed.toLocalDate().isBefore(from) ? seed.toLocalDate() : from;
        try {
            List<LocalDateTime> dates;
            if (start.isDate()) {
                Recur<LocalDate> days = new Recur<>(rule.toUpperCase(Locale.ROOT));
                dates = days.getDates(seed.toLocalDate(), expandFrom, to).stream().map(LocalDate::atStartOfDay)
                        .toList();
            } else {
                dates = recur.getDates(seed, expandFrom.atStartOfDay(), to.atStartOfDay());
            }
            if (count > 0 && !dates.contains(seed) && dates.size() >= count) {
                dates = dates.subList(0, count - 1);
            }
            return dates;
        } catch (RuntimeException e) {
            throw new BadEvent("event.bad-rrule", IcalMessages.text("event.rrule-not-expanded", property.value()),
                    master.uid(), property.line());
        }
    }

    /**
     * UNTIL as a local value of DTSTART's frame: a UTC one through its instant, a floating one as written (RFC 5545
     * §3.3.10 wants UTC with a zoned DTSTART; some writers do not), a DATE at the end of its day.
     */
    private String untilInFrame(Event master, ContentLine property, String raw) throws BadEvent {
        Moment start = master.start();
        IcalValues.When until;
        try {
            until = IcalValues.when(raw);
        } catch (IcalValues.BadValue e) {
            throw new BadEvent("event.bad-rrule", IcalMessages.text("event.bad-until", e.reason()), master.uid(),
                    property.line());
        }
        if (start.isDate()) {
            return DAY_KEY.format(until.day());
        }
        LocalDateTime local;
        if (until.isDate()) {
            local = until.date().atTime(LocalTime.MAX.truncatedTo(ChronoUnit.SECONDS));
        } else if (until.utc()) {
            Instant instant = until.time().toInstant(java.time.ZoneOffset.UTC);
            local = LocalDateTime.ofInstant(instant, start.frame().rules().getOffset(instant));
        } else {
            local = until.time();
        }
        return FLOATING.format(local);
    }

    /** Refuses a rule whose expansion would cost more than {@link #MAX_RECURRENCE_STEPS}. */
    private void checkCost(Event master, Recur<?> recur, int line) throws BadEvent {
        double unit = switch (recur.getFrequency()) {
            case SECONDLY -> 1;
            case MINUTELY -> 60;
            case HOURLY -> 3_600;
            case DAILY -> 86_400;
            case WEEKLY -> 7 * 86_400;
            case MONTHLY -> 28 * 86_400;
            case YEARLY -> 365 * 86_400;
        };
        LocalDate from = master.start().value().day();
        LocalDate until = target.edition().end().plusDays(3);
        double seconds = Math.max(86_400, (double) ChronoUnit.DAYS.between(from, until) * 86_400);
        double perStep = 1;
        for (List<?> expansion : List.of(recur.getSecondList(), recur.getMinuteList(), recur.getHourList(),
                recur.getDayList(), recur.getMonthDayList(), recur.getYearDayList(), recur.getWeekNoList(),
                recur.getMonthList())) {
            perStep *= Math.max(1, expansion.size());
        }
        double steps = seconds / (unit * Math.max(1, recur.getInterval())) * perStep;
        if (recur.getCount() > 0) {
            // A count stops the expansion early, whatever the frequency.
            steps = Math.min(steps, (double) recur.getCount() * perStep);
        }
        if (steps > MAX_RECURRENCE_STEPS) {
            throw new BadEvent("event.recurrence-too-large", IcalMessages.text("event.recurrence-too-many-steps",
                    MAX_RECURRENCE_STEPS), master.uid(), line);
        }
    }

    private static int ruleLine(Event master) {
        return master == null ? 0 : master.component().property("RRULE").map(ContentLine::line)
                .orElse(master.line());
    }

    /** The key of a series occurrence: its local start as the schedule shows it (the old ids stay). */
    private static String key(Event master, Start start) {
        if (start.date() != null) {
            return DAY_KEY.format(start.date());
        }
        FeedZones.Frame frame = master.start().frame();
        String key = TIME_KEY.format(frame.local(start.time()));
        // The second 01:30 of the fall change (a UTC series) is another occurrence than the first.
        return frame.keepsLocal() || isRepeated(frame.instant(start.time()), frame.zone()) == 0 ? key : key + "-2";
    }

    /** The key of an override that names no occurrence: its RECURRENCE-ID as the schedule would show it. */
    private static String ownKey(Event override) {
        Moment id = override.recurrenceId();
        return id.isDate() ? DAY_KEY.format(id.value().date()) : TIME_KEY.format(id.frame().local(id.value().time()));
    }

    /**
     * The schedule of an occurrence that starts at a local time of the event's frame (or on a day), ending as the
     * event's DTEND or DURATION says, or at an RDATE PERIOD's own end.
     */
    private Schedule schedule(Event event, LocalDateTime time, LocalDate date, Moment ownEnd) {
        Moment start = event.start();
        FeedZones.Frame frame = start.frame();
        ZoneId zone = frame.zone();
        if (start.isDate()) {
            LocalDate first = date != null ? date : time.toLocalDate();
            long days = 1;
            if (event.end() != null) {
                LocalDate endDay = event.end().value().day();
                boolean partial = !event.end().isDate() && !event.end().value().time().toLocalTime()
                        .equals(LocalTime.MIDNIGHT);
                days = ChronoUnit.DAYS.between(start.value().date(), endDay) + (partial ? 1 : 0);
            } else if (event.duration() != null) {
                IcalValues.Span span = event.duration();
                // A DATE with PT24H (Nextcloud): whole days of time are days.
                days = span.days() + (long) Math.ceil(span.seconds() / 86_400.0);
            }
            LocalDate last = first.plusDays(Math.max(1, days) - 1);
            return Schedule.Window.days(first, last, zone);
        }
        Instant begins = frame.instant(time);
        Instant ends = null;
        LocalDateTime wallEnd = null;
        if (ownEnd != null && !ownEnd.isDate()) {
            ends = ownEnd.instant();
        } else if (event.end() != null && !event.end().isDate()) {
            Moment end = event.end();
            if (frame.keepsLocal() && end.frame().equals(frame)) {
                // The same wall-clock length on every occurrence: 19:00-21:00 stays so across a clock change.
                wallEnd = time.plus(Duration.between(start.value().time(), end.value().time()));
            } else {
                ends = begins.plus(Duration.between(start.instant(), end.instant()));
            }
        } else if (event.duration() != null) {
            IcalValues.Span span = event.duration();
            // Days are calendar days, the rest exact (RFC 5545 §3.3.6).
            ends = frame.instant(time.plusDays(span.days())).plusSeconds(span.seconds());
        }
        if (!frame.keepsLocal()) {
            zone = unambiguous(begins, ends, zone);
        }
        LocalDateTime local = frame.keepsLocal() ? time : LocalDateTime.ofInstant(begins, zone);
        LocalDateTime endLocal = wallEnd != null ? wallEnd : ends == null ? null : LocalDateTime.ofInstant(ends, zone);
        if (endLocal != null && !endLocal.isAfter(local)) {
            endLocal = null;
        }
        LocalTime[] hours = event.window();
        if (hours != null && endLocal != null) {
            // jqsi's own feed: a window of days with daily hours, written as one event from the first opening.
            LocalDate last = hours[1] == null ? endLocal.toLocalDate().minusDays(1) : endLocal.toLocalDate();
            return new Schedule.Window(local.toLocalDate(), last.isBefore(local.toLocalDate()) ? local.toLocalDate()
                    : last, hours[0], hours[1], zone);
        }
        return new Schedule.Timed(local, endLocal, zone);
    }

    /**
     * The zone to show an instant in: the feed's, unless the instant is the second of a repeated hour there (01:30
     * on the first Sunday of November is 05:30 and 06:30 UTC in Toronto), which a local time and a zone cannot tell
     * apart; then the IANA zone of its fixed offset ({@code Etc/GMT+5}), else UTC.
     */
    static ZoneId unambiguous(Instant start, Instant end, ZoneId zone) {
        if (isRepeated(start, zone) == 0 && (end == null || isRepeated(end, zone) == 0)) {
            return zone;
        }
        // Both ends in the start's fixed offset: 05:30-06:30 UTC is 01:30-02:30 in Etc/GMT+4.
        int seconds = zone.getRules().getOffset(start).getTotalSeconds();
        if (seconds % 3_600 != 0) {
            return ZoneId.of("UTC");
        }
        int hours = seconds / 3_600;
        // IANA's Etc zones have the POSIX sign: Etc/GMT+5 is five hours behind UTC.
        return ZoneId.of(hours == 0 ? "Etc/UTC" : "Etc/GMT" + (hours < 0 ? "+" : "-") + Math.abs(hours));
    }

    /** 1 when an instant is the second of a repeated local time in a zone, else 0. */
    static int isRepeated(Instant instant, ZoneId zone) {
        List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(LocalDateTime.ofInstant(instant, zone));
        return offsets.size() > 1 && !offsets.get(0).equals(zone.getRules().getOffset(instant)) ? 1 : 0;
    }

    private boolean overlapsEdition(Schedule schedule) {
        Edition edition = target.edition();
        Optional<LocalDate> first = schedule.firstDay();
        Optional<LocalDate> last = schedule.lastDay();
        return first.isPresent() && last.isPresent() && !first.get().isAfter(edition.end())
                && !last.get().isBefore(edition.start());
    }
}
