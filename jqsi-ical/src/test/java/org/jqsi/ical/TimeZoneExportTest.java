package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.ical.IcsAssertions.assertValidForBiweekly;
import static org.jqsi.ical.IcsAssertions.assertWellFolded;
import static org.jqsi.ical.IcsAssertions.contentLines;
import static org.jqsi.ical.IcsAssertions.eventLines;

import biweekly.ICalendar;
import biweekly.component.Observance;
import biweekly.component.VEvent;
import biweekly.io.ICalTimeZone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.UtcOffset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

/**
 * Every zone a program may name has a {@code VTIMEZONE} with exactly its {@code TZID} (RFC 5545 §3.6.5), and an
 * independent reader (biweekly, which turns the block into its own time zone) finds the instants java.time means.
 */
class TimeZoneExportTest {

    private static final CalendarExporter EXPORTER = new CalendarExporter(IcalSettings.defaults());

    /**
     * What the program reader accepts: the JDK's region ids, aliases and the IANA "backward" links included. iCal4j
     * adds ids of its own ({@code ical4j~...}, {@code ical4j-local-...}) to the JDK's list when it parses a
     * VTIMEZONE, as the tests here do: those are not names of the tz database, and are left out.
     */
    private static List<String> acceptedZones() {
        TreeSet<String> ids = new TreeSet<>(ZoneId.getAvailableZoneIds());
        ids.removeIf(id -> id.startsWith("ical4j"));
        return List.copyOf(ids);
    }

    @Test
    void the_accepted_zones_include_links_and_backward_names() {
        assertThat(acceptedZones()).hasSizeGreaterThan(500);
        assertThat(acceptedZones()).contains("America/Blanc-Sablon", "America/Montreal", "US/Eastern",
                "Canada/Atlantic", "Canada/Newfoundland", "America/Puerto_Rico", "UTC", "Etc/GMT+5");
    }

    @Test
    void every_accepted_zone_has_its_own_block_and_biweekly_reads_the_same_instants() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String id : acceptedZones()) {
            ZoneId zone = ZoneId.of(id);
            // Now, in the festival's month, and in a year that only the zone's yearly rules reach.
            List<LocalDateTime> times = List.of(clear(zone, LocalDateTime.of(2021, 11, 8, 19, 30)),
                    clear(zone, LocalDateTime.of(2037, 7, 1, 12, 0)), clear(zone, LocalDateTime.of(1999, 2, 3, 9, 15)));
            List<Activity> activities = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                activities.add(activity("zone-" + i, Schedule.Timed.between(times.get(i), times.get(i).plusHours(2),
                        zone)));
            }
            String ics = EXPORTER.feed(program(activities), ActivityQuery.all(), FeedOptions.defaults());
            List<String> lines = contentLines(ics);
            List<String> tzids = lines.stream().filter(l -> l.startsWith("TZID:")).toList();
            if (!tzids.equals(List.of("TZID:" + id))) {
                failures.add(id + ": blocks " + tzids);
                continue;
            }
            assertWellFolded(ics);
            ICalendar calendar = assertValidForBiweekly(ics);
            Map<String, VEvent> events = calendar.getEvents().stream()
                    .collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
            for (int i = 0; i < times.size(); i++) {
                Instant expected = ZonedDateTime.of(times.get(i), zone).toInstant();
                List<String> event = eventLines(ics, "zone-" + i + "@jqsi");
                if (!event.contains("DTSTART;TZID=" + id + ":" + basic(times.get(i)))) {
                    failures.add(id + ": " + event.stream().filter(l -> l.startsWith("DTSTART")).toList());
                }
                // biweekly's time zone object models a zone as java.util.TimeZone does, with one raw offset for all
                // years: zones whose standard offset changed come out wrong from it. Its choice of the observance in
                // force at the instant (from the block's onsets and RRULEs) is what tells whether the block is right.
                VEvent read = events.get("zone-" + i + "@jqsi");
                TimezoneAssignment assigned = calendar.getTimezoneInfo().getTimezone(read.getDateStart());
                Observance observance = ((ICalTimeZone) assigned.getTimeZone()).getObservance(Date.from(expected));
                if (observance == null) {
                    failures.add(id + " " + times.get(i) + ": biweekly finds no observance at " + expected);
                    continue;
                }
                UtcOffset offset = observance.getTimezoneOffsetTo().getValue();
                int seconds = (int) (offset.getMillis() / 1000);
                if (seconds != zone.getRules().getOffset(expected).getTotalSeconds()) {
                    failures.add(id + " " + times.get(i) + ": biweekly finds " + offset + " in force at " + expected
                            + ", java.time " + zone.getRules().getOffset(expected));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void blanc_sablon_is_written_under_its_own_name_from_the_case_file() throws Exception {
        Program program = Program.of(new org.jqsi.json.ProgramReader().read(
                java.nio.file.Path.of(getClass().getResource("/cases/export/min-blanc-sablon.json").toURI())));
        String ics = EXPORTER.feed(program, ActivityQuery.all(), FeedOptions.defaults());
        assertThat(contentLines(ics)).contains("TZID:America/Blanc-Sablon")
                .doesNotContain("TZID:America/Puerto_Rico");
        assertThat(eventLines(ics, "blanc-sablon-2021@jqsi")).contains(
                "DTSTART;TZID=America/Blanc-Sablon:20211108T193000",
                "DTEND;TZID=America/Blanc-Sablon:20211108T210000");
        // Atlantic Standard Time all year: 19:30 is 23:30 UTC.
        VEvent event = assertValidForBiweekly(ics).getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2021-11-08T23:30:00Z"));
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2021-11-09T01:00:00Z"));
        assertThat(IcsAssertions.assertValidForIcal4j(ics)).isNotNull();
    }

    @Test
    void toronto_has_yearly_rules_and_the_observance_in_force_before_the_events() {
        String ics = EXPORTER.feed(program(List.of(activity("a", Schedule.Timed.between(
                LocalDateTime.of(2021, 11, 8, 19, 0), LocalDateTime.of(2021, 11, 8, 21, 0),
                ZoneId.of("America/Toronto"))))), ActivityQuery.all(), FeedOptions.defaults());
        List<String> lines = contentLines(ics);
        int begin = lines.indexOf("BEGIN:VTIMEZONE");
        assertThat(lines.subList(begin, lines.indexOf("END:VTIMEZONE") + 1)).containsExactly(
                "BEGIN:VTIMEZONE",
                "TZID:America/Toronto",
                "BEGIN:DAYLIGHT",
                "DTSTART:20200308T020000",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0400",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "DTSTART:20201101T020000",
                "TZOFFSETFROM:-0400",
                "TZOFFSETTO:-0500",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
                "END:STANDARD",
                "END:VTIMEZONE");
    }

    /** A time at least three days from any change of offset in the zone: biweekly is off by hours next to one. */
    private static LocalDateTime clear(ZoneId zone, LocalDateTime time) {
        ZoneRules rules = zone.getRules();
        LocalDateTime candidate = time;
        for (int tries = 0; tries < 20; tries++) {
            Instant at = ZonedDateTime.of(candidate, zone).toInstant();
            ZoneOffsetTransition next = rules.nextTransition(at.minus(Duration.ofDays(3)));
            if (next == null || next.getInstant().isAfter(at.plus(Duration.ofDays(3)))) {
                return candidate;
            }
            candidate = candidate.plusDays(7);
        }
        throw new AssertionError("no time clear of transitions near " + time + " in " + zone);
    }

    private static String basic(LocalDateTime time) {
        return time.format(java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
    }

    private static Activity activity(String id, Schedule schedule) {
        return Activity.builder(id).edition(SampleProgram.EDITION_2021).kind(ActivityKind.CONFERENCE)
                .title(LocalizedText.fr("Conférence " + id)).schedule(schedule).build();
    }

    private static Program program(List<Activity> activities) {
        return Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities));
    }
}
