package org.jqsi.ical.internal;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The time zones of one {@code VCALENDAR}: what a {@code TZID} means, and which zone an activity keeps its times in.
 *
 * <p>A {@code TZID} is read, in this order (RFC 5545 §3.2.19, §3.6.5, and what calendar apps write):
 * <ol>
 * <li>an IANA name ({@code America/Toronto}), also behind a path prefix as Mozilla and Citadel write it
 *     ({@code /mozilla.org/20050126_1/America/Toronto}): the local time is kept as written, in the time-zone
 *     database's rules; when the file's own {@code VTIMEZONE} for it disagrees at that time (old Outlook exports carry
 *     pre-2007 rules), a warning says so;</li>
 * <li>a Windows name, by id ({@code Eastern Standard Time}) or display name
 *     ({@code (UTC-05:00) Eastern Time (US & Canada)}), through CLDR's table ({@link WindowsZones});</li>
 * <li>any other name that has its {@code VTIMEZONE} in the file, spacing included ({@code TZID= 1}): the instants
 *     come from that block's rules, and the activity keeps them in the feed's zone;</li>
 * <li>else the feed's {@code X-WR-TIMEZONE}, else the import's zone, with a warning naming the UID and line.</li>
 * </ol>
 * A {@code VTIMEZONE} that cannot be read is ignored with a warning at its line; only the events that use it fall
 * back. UTC times ({@code Z}) become instants shown in the feed's zone; floating times are read in the feed's zone.
 */
public final class FeedZones {

    /**
     * The IANA names the JDK knows (a fresh copy each time it is asked, so kept), without those iCal4j adds to the
     * JDK's list when it parses a calendar ({@code ical4j-local-…}): a feed's TZID never means one of those.
     */
    private static final java.util.Set<String> IANA = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> !id.startsWith("ical4j")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final String MINI_HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jqsi//zones//FR\r\n";

    /**
     * How the local date-times of a property become instants, and the zone the activity keeps them in.
     *
     * @param rules the rules that turn the property's local times into instants
     * @param zone the zone of the activity's schedule
     * @param keepsLocal whether the schedule keeps the local time as written (an IANA zone, or floating), rather
     *     than the instant seen in {@code zone} (UTC, or a zone defined only by the file)
     * @param tzid the {@code TZID} as written, or {@code null}
     * @param fileRules the rules of the file's {@code VTIMEZONE} of that IANA name, to warn when they disagree, or
     *     {@code null}
     */
    public record Frame(ZoneRules rules, ZoneId zone, boolean keepsLocal, String tzid, ZoneRules fileRules) {

        /** The instant of a local time in this frame; a time in a gap moves forward, an ambiguous one is the earlier. */
        public Instant instant(LocalDateTime local) {
            List<ZoneOffset> offsets = rules.getValidOffsets(local);
            if (!offsets.isEmpty()) {
                return local.toInstant(offsets.get(0));
            }
            ZoneOffsetTransition gap = rules.getTransition(local);
            return local.plusSeconds(gap.getDuration().getSeconds()).toInstant(gap.getOffsetAfter());
        }

        /** The schedule's local time for a local time of this frame. */
        public LocalDateTime local(LocalDateTime local) {
            return keepsLocal ? local : LocalDateTime.ofInstant(instant(local), zone);
        }
    }

    private final ZoneId feedZone;
    private final ZoneId fallbackZone;
    private final Map<String, ZoneRules> fileZones = new HashMap<>();
    private final Map<String, Frame> frames = new HashMap<>();

    /**
     * The zones of a calendar.
     *
     * @param calendar the calendar
     * @param importZone the zone the import was told to use, or {@code null}
     * @param defaultZone the settings' zone, when neither the import nor the feed names one
     * @param problems where unreadable {@code VTIMEZONE}s are reported
     */
    public FeedZones(FeedText.Calendar calendar, ZoneId importZone, ZoneId defaultZone, ImportProblems problems) {
        Optional<ZoneId> calendarZone = calendar.property("X-WR-TIMEZONE").flatMap(FeedZones::zoneNamed);
        this.feedZone = importZone != null ? importZone : calendarZone.orElse(defaultZone);
        this.fallbackZone = calendarZone.orElse(importZone != null ? importZone : defaultZone);
        for (FeedText.Component block : calendar.timeZones()) {
            String tzid = block.property("TZID").map(ContentLine::value).orElse(null);
            if (tzid == null || tzid.isBlank()) {
                problems.warning(null, block.firstLine(), "timezone.unreadable",
                        IcalMessages.text("timezone.no-tzid"));
                continue;
            }
            try {
                fileZones.put(tzid, rulesOf(block));
            } catch (Exception e) {
                // iCal4j's own message says which rule it could not read; it names no Java type.
                problems.warning(null, block.firstLine(), "timezone.unreadable",
                        IcalMessages.text("timezone.unreadable", tzid));
            }
        }
    }

    /** The zone floating times are read in, and UTC times shown in. */
    public ZoneId feedZone() {
        return feedZone;
    }

    /** The frame of a floating or UTC value. */
    public Frame frame(boolean utc) {
        return utc ? new Frame(ZoneOffset.UTC.getRules(), feedZone, false, null, null)
                : new Frame(feedZone.getRules(), feedZone, true, null, null);
    }

    /**
     * The frame of a zoned value ({@code TZID} given), or {@code null} when the name is unknown; then the caller
     * falls back to {@link #fallback()} and warns.
     */
    public Frame frame(String tzid) {
        return frames.computeIfAbsent(tzid, this::resolve);
    }

    /** The frame of a {@code TZID} nobody knows: the feed's {@code X-WR-TIMEZONE}, else the import's zone. */
    public Frame fallback() {
        return new Frame(fallbackZone.getRules(), fallbackZone, true, null, null);
    }

    private Frame resolve(String tzid) {
        ZoneRules file = fileZones.get(tzid);
        if (file == null) {
            file = fileZones.get(tzid.strip());
        }
        Optional<ZoneId> known = zoneNamed(tzid);
        if (known.isPresent()) {
            return new Frame(known.get().getRules(), known.get(), true, tzid, file);
        }
        if (file != null) {
            return new Frame(file, feedZone, false, tzid, null);
        }
        return null;
    }

    /** The IANA zone a {@code TZID} or {@code X-WR-TIMEZONE} names, directly, behind a path, or as a Windows name. */
    public static Optional<ZoneId> zoneNamed(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        Optional<ZoneId> direct = iana(trimmed);
        if (direct.isPresent()) {
            return direct;
        }
        // "/mozilla.org/20050126_1/America/Toronto": the IANA name is at the end of the path.
        for (int slash = trimmed.indexOf('/'); slash >= 0; slash = trimmed.indexOf('/', slash + 1)) {
            Optional<ZoneId> tail = iana(trimmed.substring(slash + 1));
            if (tail.isPresent() && trimmed.substring(slash + 1).contains("/")) {
                return tail;
            }
        }
        return WindowsZones.zoneOf(trimmed);
    }

    private static Optional<ZoneId> iana(String name) {
        if (name.isEmpty() || !IANA.contains(name) && !name.equals("Z")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneRules rulesOf(FeedText.Component block) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(
                MINI_HEADER + block.source() + "END:VCALENDAR\r\n"));
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        if (zones.size() != 1) {
            throw new IllegalArgumentException("no VTIMEZONE");
        }
        return new ZoneRulesBuilder().vTimeZone(zones.get(0)).build();
    }
}
