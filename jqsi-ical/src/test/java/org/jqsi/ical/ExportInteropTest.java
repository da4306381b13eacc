package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.ical.IcsAssertions.assertValidForBiweekly;
import static org.jqsi.ical.IcsAssertions.assertValidForIcal4j;
import static org.jqsi.ical.IcsAssertions.assertWellFolded;
import static org.jqsi.ical.IcsAssertions.contentLines;
import static org.jqsi.ical.IcsAssertions.eventLines;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.json.EventJsonLd;
import org.junit.jupiter.api.Test;

/**
 * The export kinds of issue #16, each on its own small program, re-read with biweekly (an independent parser) and,
 * where the instant matters, compared with the JSON-LD that jqsi-json writes for the same activity.
 */
class ExportInteropTest {

    private static final EventJsonLd JSON_LD = EventJsonLd.withPagesAt("https://jqsi.example.org/activites/{id}");

    private static Activity.Builder activity(String id) {
        return Activity.builder(id).edition(SampleProgram.EDITION_2021).kind(ActivityKind.CONFERENCE)
                .title(LocalizedText.of("Conférence", "Lecture"))
                .place(new Place.Venue("Salle Anaïs-Allard-Rousseau", new Address(null, "Trois-Rivières", null), null))
                .region(Region.MAURICIE);
    }

    private static Program program(Activity... activities) {
        return Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), List.of(activities)));
    }

    private static String feed(Program program, Language language) {
        return new CalendarExporter(IcalSettings.defaults()).feed(program, ActivityQuery.all(),
                FeedOptions.in(language));
    }

    private static VEvent only(ICalendar calendar) {
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().get(0);
    }

    private static Instant jsonLdStart(Program program, Activity activity) {
        String json = JSON_LD.event(program, activity, Language.FR).orElseThrow();
        int at = json.indexOf("\"startDate\":\"") + "\"startDate\":\"".length();
        return OffsetDateTime.parse(json.substring(at, json.indexOf('"', at))).toInstant();
    }

    @Test
    void the_repeated_hour_when_daylight_saving_time_ends_is_written_in_utc_as_the_json_ld_reads_it()
            throws Exception {
        // Nov 7 2021, 01:30 happens twice in Toronto: at 05:30 UTC (EDT) and 06:30 UTC (EST). RFC 5545 §3.3.5 and
        // java.time take the first; the JSON-LD says -04:00.
        Activity twice = activity("heure-double").schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 7, 1, 30),
                LocalDateTime.of(2021, 11, 7, 3, 0), Region.EASTERN)).build();
        Program program = program(twice);
        String ics = feed(program, Language.FR);
        assertThat(eventLines(ics, "heure-double@jqsi")).contains("DTSTART:20211107T053000Z",
                "DTEND;TZID=America/Toronto:20211107T030000");
        assertWellFolded(ics);
        assertValidForIcal4j(ics);
        ICalendar calendar = assertValidForBiweekly(ics);
        VEvent read = only(calendar);
        assertThat(read.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2021-11-07T05:30:00Z"))
                .isEqualTo(jsonLdStart(program, twice));
        assertThat(IcsAssertions.instantOf(calendar, read.getDateEnd()))
                .isEqualTo(Instant.parse("2021-11-07T08:00:00Z"));
    }

    @Test
    void a_time_on_either_side_of_the_repeated_hour_keeps_its_zone() {
        Activity before = activity("avant").schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 7, 0, 0),
                LocalDateTime.of(2021, 11, 7, 0, 59), Region.EASTERN)).build();
        Activity after = activity("apres").schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 7, 2, 0),
                LocalDateTime.of(2021, 11, 7, 3, 0), Region.EASTERN)).build();
        String ics = feed(program(before, after), Language.FR);
        assertThat(eventLines(ics, "avant@jqsi")).contains("DTSTART;TZID=America/Toronto:20211107T000000",
                "DTEND;TZID=America/Toronto:20211107T005900");
        assertThat(eventLines(ics, "apres@jqsi")).contains("DTSTART;TZID=America/Toronto:20211107T020000");
    }

    @Test
    void the_calendar_name_is_escaped_once() {
        String ics = new CalendarExporter(IcalSettings.defaults()).feed(program(activity("a").schedule(
                Schedule.Timed.between(LocalDateTime.of(2021, 11, 8, 19, 0), LocalDateTime.of(2021, 11, 8, 20, 0),
                        Region.EASTERN)).build()), ActivityQuery.all(),
                FeedOptions.defaults().withName(LocalizedText.fr("JQSI, Mauricie; 2021 \\ tout")));
        assertThat(contentLines(ics)).contains("NAME:JQSI\\, Mauricie\\; 2021 \\\\ tout",
                "X-WR-CALNAME:JQSI\\, Mauricie\\; 2021 \\\\ tout");
        ICalendar read = assertValidForBiweekly(ics);
        // biweekly keeps an X- property's raw value (it cannot know its type): once-escaped TEXT, as NAME's.
        assertThat(read.getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo("JQSI\\, Mauricie\\; 2021 \\\\ tout");
        assertThat(read.getNames().get(0).getValue()).isEqualTo("JQSI, Mauricie; 2021 \\ tout");
    }

    @Test
    void unicode_line_separators_become_escaped_line_ends_and_cut_nothing() throws Exception {
        String description = "Première partie\u2028deuxième\u2029troisième\u0085quatrième, fin.";
        Activity separated = activity("separateurs").description(LocalizedText.fr(description))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 8, 19, 0),
                        LocalDateTime.of(2021, 11, 8, 20, 0), Region.EASTERN)).build();
        String ics = feed(program(separated), Language.FR);
        assertThat(ics).doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("\u0085");
        assertThat(eventLines(ics, "separateurs@jqsi"))
                .contains("DESCRIPTION;LANGUAGE=fr:Première partie\\ndeuxième\\ntroisième\\nquatrième\\, fin.");
        assertWellFolded(ics);
        assertThat(only(assertValidForBiweekly(ics)).getDescription().getValue())
                .isEqualTo("Première partie\ndeuxième\ntroisième\nquatrième, fin.");
    }

    @Test
    void a_timed_activity_without_an_end_lasts_the_assumed_hour_in_feeds_and_links() throws Exception {
        Activity open = activity("sans-fin").schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 10, 19, 30),
                Region.EASTERN)).build();
        // Half past midnight on the night clocks fall back: an hour later is the first 01:30, in UTC.
        Activity night = activity("nuit").schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 7, 0, 30),
                Region.EASTERN)).build();
        String ics = feed(program(open, night), Language.FR);
        assertThat(Schedule.Timed.ASSUMED_DURATION).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(eventLines(ics, "sans-fin@jqsi")).contains("DTSTART;TZID=America/Toronto:20211110T193000",
                "DTEND;TZID=America/Toronto:20211110T203000");
        assertThat(eventLines(ics, "nuit@jqsi")).contains("DTSTART;TZID=America/Toronto:20211107T003000",
                "DTEND:20211107T053000Z");
        ICalendar calendar = assertValidForBiweekly(ics);
        for (VEvent event : calendar.getEvents()) {
            Instant start = IcsAssertions.instantOf(calendar, event.getDateStart());
            Instant end = IcsAssertions.instantOf(calendar, event.getDateEnd());
            assertThat(java.time.Duration.between(start, end)).as(event.getUid().getValue()).hasHours(1);
        }
        VEvent first = calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals("sans-fin@jqsi"))
                .findFirst().orElseThrow();
        assertThat(IcsAssertions.instantOf(calendar, first.getDateStart())).isEqualTo(Instant.parse("2021-11-11T00:30:00Z"));

        WebCalendarLinks links = new WebCalendarLinks(IcalSettings.defaults());
        assertThat(links.google(open, Language.FR).orElseThrow().toString())
                .contains("dates=20211110T193000%2F20211110T203000");
        assertThat(links.outlook(open, Language.FR).orElseThrow().toString())
                .contains("startdt=2021-11-11T00%3A30%3A00Z").contains("enddt=2021-11-11T01%3A30%3A00Z");
        assertThat(links.google(night, Language.FR).orElseThrow().toString())
                .contains("dates=20211107T003000%2F20211107T053000Z");
    }

    @Test
    void cancelled_and_postponed_titles_say_so_in_the_feed_language_and_a_cancelled_one_has_no_links()
            throws Exception {
        Activity cancelled = activity("annulee").status(Status.CANCELLED).schedule(Schedule.Timed.between(
                LocalDateTime.of(2021, 11, 8, 19, 0), LocalDateTime.of(2021, 11, 8, 20, 0), Region.EASTERN)).build();
        Activity postponed = activity("reportee").status(Status.POSTPONED).schedule(Schedule.Timed.between(
                LocalDateTime.of(2021, 11, 9, 19, 0), LocalDateTime.of(2021, 11, 9, 20, 0), Region.EASTERN)).build();
        Program program = program(cancelled, postponed);
        String fr = feed(program, Language.FR);
        String en = feed(program, Language.EN);
        assertThat(eventLines(fr, "annulee@jqsi")).contains("SUMMARY;LANGUAGE=fr:ANNULÉ — Conférence",
                "STATUS:CANCELLED");
        assertThat(eventLines(fr, "reportee@jqsi")).contains("SUMMARY;LANGUAGE=fr:REPORTÉ — Conférence",
                "STATUS:TENTATIVE");
        assertThat(eventLines(en, "annulee@jqsi")).contains("SUMMARY;LANGUAGE=en:CANCELLED — Lecture");
        assertThat(eventLines(en, "reportee@jqsi")).contains("SUMMARY;LANGUAGE=en:POSTPONED — Lecture");
        assertThat(assertValidForBiweekly(en).getEvents()).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder("CANCELLED — Lecture", "POSTPONED — Lecture");

        WebCalendarLinks links = new WebCalendarLinks(IcalSettings.defaults());
        assertThat(links.google(cancelled, Language.FR)).isEmpty();
        assertThat(links.outlook(cancelled, Language.FR)).isEmpty();
        assertThat(links.office365(cancelled, Language.FR)).isEmpty();
        assertThat(java.net.URLDecoder.decode(links.google(postponed, Language.EN).orElseThrow().getRawQuery(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("text=POSTPONED — Lecture");
        assertThat(java.net.URLDecoder.decode(links.outlook(postponed, Language.FR).orElseThrow().getRawQuery(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("subject=REPORTÉ — Conférence");
    }

    @Test
    void an_activity_moved_online_is_online_in_the_feed_links_and_json_ld_not_at_the_old_hall() throws Exception {
        Activity moved = activity("en-ligne").status(Status.MOVED_ONLINE)
                .place(new Place.Hybrid(new Place.Venue("Salle Anaïs-Allard-Rousseau",
                        new Address(null, "Trois-Rivières", null), new org.jqsi.core.model.Geo(46.34, -72.54)),
                        new Place.Online(URI.create("https://zoom.example.org/j/42"), OnlinePlatform.ZOOM, null)))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 8, 19, 0),
                        LocalDateTime.of(2021, 11, 8, 20, 0), Region.EASTERN)).build();
        Program program = program(moved);
        String ics = feed(program, Language.FR);
        List<String> event = eventLines(ics, "en-ligne@jqsi");
        assertThat(event).contains("LOCATION;LANGUAGE=fr:https://zoom.example.org/j/42",
                "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Zoom:https://zoom.example.org/j/42", "STATUS:CONFIRMED",
                "SUMMARY;LANGUAGE=fr:Conférence");
        assertThat(String.join("\n", event)).doesNotContain("Anaïs").doesNotContain("GEO:");
        assertThat(only(assertValidForBiweekly(ics)).getLocation().getValue()).isEqualTo("https://zoom.example.org/j/42");

        String json = JSON_LD.event(program, moved, Language.FR).orElseThrow();
        assertThat(json).contains("\"eventAttendanceMode\":\"https://schema.org/OnlineEventAttendanceMode\"",
                "\"location\":{\"@type\":\"VirtualLocation\",\"url\":\"https://zoom.example.org/j/42\"}")
                .doesNotContain("Anaïs");
        assertThat(java.net.URLDecoder.decode(new WebCalendarLinks(IcalSettings.defaults()).google(moved, Language.FR)
                .orElseThrow().getRawQuery(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("location=https://zoom.example.org/j/42").doesNotContain("Anaïs");
    }
}
