package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jqsi.ical.IcsAssertions.assertValidForBiweekly;
import static org.jqsi.ical.IcsAssertions.assertValidForIcal4j;
import static org.jqsi.ical.IcsAssertions.assertWellFolded;
import static org.jqsi.ical.IcsAssertions.contentLines;
import static org.jqsi.ical.IcsAssertions.eventLines;
import static org.jqsi.ical.IcsAssertions.instantOf;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

class CalendarExporterTest {

    private static final CalendarExporter EXPORTER = new CalendarExporter(IcalSettings.defaults()
            .withSource(URI.create("https://jqsi.example.org/calendrier.ics"))
            .withUrl(URI.create("https://jqsi.example.org/")));
    private static final Program PROGRAM = TestPrograms.sample();

    private static String all(FeedOptions options) {
        return EXPORTER.feed(PROGRAM, ActivityQuery.all(), options);
    }

    private static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
    }

    @Test
    void the_calendar_says_what_it_is_and_how_often_to_refresh_it() {
        List<String> lines = contentLines(all(FeedOptions.defaults()));
        assertThat(lines.subList(0, 12)).containsExactly(
                "BEGIN:VCALENDAR",
                "PRODID:-//jqsi//jqsi-ical//FR",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "NAME:JQSI – Journées québécoises de la solidarité internationale",
                "X-WR-CALNAME:JQSI – Journées québécoises de la solidarité internationale",
                "X-WR-TIMEZONE:America/Toronto",
                "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
                "X-PUBLISHED-TTL:PT12H",
                "SOURCE;VALUE=URI:https://jqsi.example.org/calendrier.ics",
                "URL:https://jqsi.example.org/");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
    }

    @Test
    void a_feed_has_one_vtimezone_per_zone_it_uses() {
        String ics = all(FeedOptions.defaults());
        List<String> tzids = contentLines(ics).stream().filter(l -> l.startsWith("TZID:")).toList();
        assertThat(tzids).containsExactly("TZID:America/Toronto", "TZID:America/Halifax");

        String montreal = EXPORTER.feed(PROGRAM, ActivityQuery.builder().region(Region.MONTREAL).build(),
                FeedOptions.defaults());
        assertThat(contentLines(montreal).stream().filter(l -> l.startsWith("TZID:")))
                .containsExactly("TZID:America/Toronto");
    }

    @Test
    void a_feed_written_while_the_time_zones_warm_up_is_the_same_as_after() throws Exception {
        String expected = all(FeedOptions.defaults());
        for (int round = 0; round < 5; round++) {
            CalendarExporter fresh = new CalendarExporter(EXPORTER.settings());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> warmUp = pool.submit(fresh::warmUp);
                List<Future<String>> feeds = List.of(
                        pool.submit(() -> fresh.feed(PROGRAM, ActivityQuery.all(), FeedOptions.defaults())),
                        pool.submit(() -> fresh.feed(PROGRAM, ActivityQuery.all(), FeedOptions.defaults())));
                // Bounds that only catch a hang: the zones take seconds to load on a loaded machine.
                warmUp.get(5, TimeUnit.MINUTES);
                for (Future<String> feed : feeds) {
                    assertThat(feed.get(5, TimeUnit.MINUTES)).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        EXPORTER.warmUp();
        assertThat(all(FeedOptions.defaults())).isEqualTo(expected);
    }

    @Test
    void activities_to_be_announced_are_not_in_feeds() {
        String ics = all(FeedOptions.defaults());
        assertThat(ics).doesNotContain(SampleProgram.CECI_DISCUSSION_1).doesNotContain(SampleProgram.CECI_DISCUSSION_2);
        assertThatThrownBy(() -> EXPORTER.activityFile(PROGRAM,
                PROGRAM.activity(SampleProgram.CECI_DISCUSSION_1).orElseThrow(), FeedOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_timed_activity_maps_every_field() {
        List<String> event = eventLines(all(FeedOptions.defaults()), "conference-hybride-quebec-2021@jqsi");
        assertThat(event).containsExactly(
                "BEGIN:VEVENT",
                "UID:conference-hybride-quebec-2021@jqsi",
                "DTSTAMP:20211020T140000Z",
                "DTSTART;TZID=America/Toronto:20211118T120000",
                "DTEND;TZID=America/Toronto:20211118T133000",
                "SUMMARY;LANGUAGE=fr:Justice climatique : perspectives du Sud",
                "LOCATION;LANGUAGE=fr:Maison de la coopération\\, 155 boulevard Charest Est\\, Québec G1K 3G6",
                "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Zoom:https://zoom.example.org/j/123456?pwd=a,b;c",
                "URL:https://ceci.example.org/conference",
                "CATEGORIES:Conférence,Capitale-Nationale",
                "ORGANIZER;CN=\"Centre d'étude et de coopération internationale\":mailto:noreply@jqsi.invalid",
                "STATUS:CONFIRMED",
                "SEQUENCE:1",
                "LAST-MODIFIED:20211020T140000Z",
                // jqsi's own: the title in the other language, and the platform, for its import (RoundTripTest).
                "X-JQSI-TITLE;LANGUAGE=en:Climate justice: views from the South",
                "X-JQSI-PLATFORM:zoom",
                "END:VEVENT");
    }

    @Test
    void a_venue_has_its_location_and_geo_and_the_partner_site_is_the_organizer_address() {
        List<String> event = eventLines(all(FeedOptions.defaults()), TestPrograms.MAGDALEN + "@jqsi");
        assertThat(event).contains(
                "DTSTART;TZID=America/Halifax:20211113T200000",
                "DTEND;TZID=America/Halifax:20211113T220000",
                "LOCATION;LANGUAGE=fr:Salle Au Vieux Couvent\\, Les Îles-de-la-Madeleine",
                "GEO:47.3794;-61.8625",
                "CATEGORIES:Concert,Gaspésie–Îles-de-la-Madeleine",
                "ORGANIZER;CN=\"Comité de solidarité des Îles, « Madelinots »\":https://solidarite-iles.example.org/");
    }

    @Test
    void categories_hold_kind_theme_tags_and_region_in_the_language() {
        String en = all(FeedOptions.in(Language.EN));
        assertThat(eventLines(en, TestPrograms.BEFORE_DST + "@jqsi")).contains("CATEGORIES:Quiz,climate-justice,Montreal");
        assertThat(eventLines(en, SampleProgram.LOIN_DE_BACHAR + "@jqsi"))
                .contains("CATEGORIES:Screening,migration-justice,Mauricie");
    }

    @Test
    void an_activity_with_no_partner_is_organised_by_the_edition_coordinator() throws Exception {
        Activity alone = PROGRAM.activity(TestPrograms.BEFORE_DST).orElseThrow().toBuilder()
                .partners(List.of()).build();
        String ics = fresh().feed(replacing(alone), ActivityQuery.all(), FeedOptions.defaults());
        assertThat(eventLines(ics, TestPrograms.BEFORE_DST + "@jqsi")).contains("ORGANIZER;CN=\"Association "
                + "québécoise des organismes de coopération internationale\":mailto:noreply@jqsi.invalid");
        assertValidForIcal4j(ics);
    }

    @Test
    void all_day_windows_are_dates_with_an_exclusive_end() {
        String ics = all(FeedOptions.defaults());
        assertThat(eventLines(ics, SampleProgram.DHEEPAN + "@jqsi"))
                .contains("DTSTART;VALUE=DATE:20201113", "DTEND;VALUE=DATE:20201116");
        assertThat(eventLines(ics, SampleProgram.EXHIBITION_OPENING + "@jqsi"))
                .contains("DTSTART;VALUE=DATE:20201111", "DTEND;VALUE=DATE:20201112");

        Map<String, VEvent> events = byUid(assertValidForBiweekly(ics));
        VEvent dheepan = events.get(SampleProgram.DHEEPAN + "@jqsi");
        assertThat(dheepan.getDateStart().getValue().hasTime()).isFalse();
        assertThat(dheepan.getDateEnd().getValue().hasTime()).isFalse();
    }

    @Test
    void a_window_with_times_opens_on_the_first_day_and_closes_on_the_last() {
        assertThat(eventLines(all(FeedOptions.defaults()), TestPrograms.WINDOW_TIMES + "@jqsi")).contains(
                "DTSTART;TZID=America/Toronto:20211103T100000",
                "DTEND;TZID=America/Toronto:20211110T170000");
    }

    @Test
    void texts_are_in_the_chosen_language_and_say_which_one() {
        String en = all(FeedOptions.in(Language.EN));
        assertThat(eventLines(en, SampleProgram.LOIN_DE_BACHAR + "@jqsi"))
                .contains("SUMMARY;LANGUAGE=en:Far from Bashar")
                .anyMatch(l -> l.startsWith("DESCRIPTION;LANGUAGE=en:Loin de Bachar draws a nuanced portrait"));
        // Dheepan has no English title: the French one is given, and said to be French.
        assertThat(eventLines(en, SampleProgram.DHEEPAN + "@jqsi"))
                .contains("SUMMARY;LANGUAGE=fr:Dheepan")
                .anyMatch(l -> l.startsWith("DESCRIPTION;LANGUAGE=en:The story of three refugees"));
        assertThat(contentLines(en)).contains("NAME:JQSI – Quebec Days of International Solidarity");
    }

    @Test
    void status_maps_to_confirmed_cancelled_or_tentative() {
        Activity base = PROGRAM.activity(TestPrograms.BEFORE_DST).orElseThrow();
        Program program = replacing(base.toBuilder().status(Status.POSTPONED).build());
        String ics = fresh().feed(program, ActivityQuery.all(), FeedOptions.defaults());
        assertThat(eventLines(ics, TestPrograms.BEFORE_DST + "@jqsi")).contains("STATUS:TENTATIVE");
        assertThat(eventLines(ics, TestPrograms.CANCELLED + "@jqsi")).contains("STATUS:CANCELLED", "SEQUENCE:2",
                "LAST-MODIFIED:20211115T093000Z");
        assertThat(eventLines(ics, TestPrograms.AFTER_DST + "@jqsi")).contains("STATUS:CONFIRMED");
    }

    @Test
    void sequence_and_last_modified_move_when_an_activity_is_rescheduled_or_cancelled() {
        Activity before = PROGRAM.activity(TestPrograms.HYBRID).orElseThrow();
        Activity rescheduled = before.toBuilder()
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 19, 12, 0),
                        LocalDateTime.of(2021, 11, 19, 13, 30), Region.EASTERN))
                .status(Status.RESCHEDULED)
                .previousStart(LocalDateTime.of(2021, 11, 18, 12, 0))
                .revision(before.revision() + 1)
                .lastModified(Instant.parse("2021-11-10T08:00:00Z"))
                .build();
        Activity cancelled = rescheduled.toBuilder().status(Status.CANCELLED).revision(rescheduled.revision() + 1)
                .lastModified(Instant.parse("2021-11-17T08:00:00Z")).build();

        CalendarExporter exporter = fresh();
        List<String> first = eventLines(exporter.feed(PROGRAM, ActivityQuery.all(), FeedOptions.defaults()),
                TestPrograms.HYBRID + "@jqsi");
        List<String> second = eventLines(exporter.feed(replacing(rescheduled), ActivityQuery.all(),
                FeedOptions.defaults()), TestPrograms.HYBRID + "@jqsi");
        List<String> third = eventLines(exporter.feed(replacing(cancelled), ActivityQuery.all(),
                FeedOptions.defaults()), TestPrograms.HYBRID + "@jqsi");

        assertThat(first).contains("SEQUENCE:1", "STATUS:CONFIRMED", "LAST-MODIFIED:20211020T140000Z");
        assertThat(second).contains("SEQUENCE:2", "STATUS:CONFIRMED", "LAST-MODIFIED:20211110T080000Z",
                "DTSTART;TZID=America/Toronto:20211119T120000");
        assertThat(third).contains("SEQUENCE:3", "STATUS:CANCELLED", "LAST-MODIFIED:20211117T080000Z");
        // The UID never changes.
        assertThat(List.of(first, second, third)).allMatch(e -> e.contains("UID:conference-hybride-quebec-2021@jqsi"));
    }

    @Test
    void text_is_escaped_per_rfc_5545() {
        List<String> event = eventLines(all(FeedOptions.defaults()), TestPrograms.ESCAPES + "@jqsi");
        assertThat(event).contains(
                "SUMMARY;LANGUAGE=fr:Atelier\\; virgules\\, points-virgules et \\\\barres\\\\",
                "DESCRIPTION;LANGUAGE=fr:Première ligne\\nDeuxième ligne\\, avec « guillemets »\\n"
                        + "Troisième ligne : 😀 émoji et tabulation.");
        VEvent parsed = byUid(assertValidForBiweekly(all(FeedOptions.defaults()))).get(TestPrograms.ESCAPES + "@jqsi");
        assertThat(parsed.getSummary().getValue()).isEqualTo("Atelier; virgules, points-virgules et \\barres\\");
        assertThat(parsed.getDescription().getValue()).isEqualTo(
                "Première ligne\nDeuxième ligne, avec « guillemets »\nTroisième ligne : 😀 émoji et tabulation.");
    }

    @Test
    void long_accented_lines_are_folded_at_75_octets_without_splitting_a_character() throws Exception {
        String ics = all(FeedOptions.defaults());
        assertWellFolded(ics);
        String title = PROGRAM.activity(SampleProgram.EXHIBITION_OPENING).orElseThrow().title().fr();
        assertThat(title).contains("Changer le monde, une œuvre à la fois");
        // Folded, then unfolded, the title reads as written.
        assertThat(eventLines(ics, SampleProgram.EXHIBITION_OPENING + "@jqsi"))
                .contains("SUMMARY;LANGUAGE=fr:" + title.replace(",", "\\,"));
        assertThat(ics).contains("\r\n ");
    }

    @Test
    void both_sides_of_the_2021_daylight_saving_change_keep_their_local_time() throws Exception {
        String ics = all(FeedOptions.defaults());
        ICalendar read = assertValidForBiweekly(ics);
        Map<String, VEvent> events = byUid(read);
        // Saturday Nov 6, 7 p.m. EDT (UTC-4); Monday Nov 8, 7 p.m. EST (UTC-5): biweekly, with our VTIMEZONE...
        assertThat(events.get(TestPrograms.BEFORE_DST + "@jqsi").getDateStart().getValue().toInstant())
                .isEqualTo(Instant.parse("2021-11-06T23:00:00Z"));
        assertThat(events.get(TestPrograms.AFTER_DST + "@jqsi").getDateStart().getValue().toInstant())
                .isEqualTo(Instant.parse("2021-11-09T00:00:00Z"));
        assertThat(instantOf(read, events.get(TestPrograms.BEFORE_DST + "@jqsi").getDateEnd()))
                .isEqualTo(Instant.parse("2021-11-07T01:00:00Z"));
        assertThat(instantOf(read, events.get(TestPrograms.AFTER_DST + "@jqsi").getDateEnd()))
                .isEqualTo(Instant.parse("2021-11-09T02:00:00Z"));
        // iCal4j reads the same from our VTIMEZONE.
        net.fortuna.ical4j.model.Calendar calendar = assertValidForIcal4j(ics);
        assertThat(startOf(calendar, TestPrograms.AFTER_DST + "@jqsi")).isEqualTo(Instant.parse("2021-11-09T00:00:00Z"));
        assertThat(startOf(calendar, TestPrograms.BEFORE_DST + "@jqsi")).isEqualTo(Instant.parse("2021-11-06T23:00:00Z"));
    }

    @Test
    void the_magdalen_islands_are_on_atlantic_time() throws Exception {
        String ics = all(FeedOptions.defaults());
        VEvent concert = byUid(assertValidForBiweekly(ics)).get(TestPrograms.MAGDALEN + "@jqsi");
        // 8 p.m. AST (UTC-4 in November) is midnight UTC, an hour before 8 p.m. in Montreal.
        assertThat(concert.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2021-11-14T00:00:00Z"));
        assertThat(startOf(assertValidForIcal4j(ics), TestPrograms.MAGDALEN + "@jqsi"))
                .isEqualTo(Instant.parse("2021-11-14T00:00:00Z"));
    }

    @Test
    void every_feed_passes_ical4j_validation_and_biweekly_reads_the_same_events_times_and_texts() throws Exception {
        for (Language language : Language.values()) {
            String ics = all(FeedOptions.in(language).withReminders(Duration.ofMinutes(30)));
            assertWellFolded(ics);
            assertValidForIcal4j(ics);
            ICalendar calendar = assertValidForBiweekly(ics);
            Map<String, VEvent> events = byUid(calendar);
            List<Activity> dated = PROGRAM.activities().stream().filter(a -> a.schedule().isDated()).toList();
            assertThat(events).hasSize(dated.size());
            for (Activity activity : dated) {
                VEvent event = events.get(activity.id() + "@jqsi");
                assertThat(event).as(activity.id()).isNotNull();
                String prefix = activity.status() != Status.CANCELLED ? ""
                        : language == Language.EN ? "CANCELLED — " : "ANNULÉ — ";
                assertThat(event.getSummary().getValue()).isEqualTo(prefix + activity.title().in(language));
                if (activity.description() != null && !activity.id().equals(TestPrograms.ESCAPES)) {
                    assertThat(event.getDescription().getValue()).isEqualTo(activity.description().in(language));
                }
                assertThat(event.getSequence().getValue()).isEqualTo(activity.revision());
                Schedule schedule = activity.schedule();
                if (schedule instanceof Schedule.Window w && w.allDay()) {
                    assertThat(localDate(event.getDateStart().getValue())).isEqualTo(w.first());
                    assertThat(localDate(event.getDateEnd().getValue())).isEqualTo(w.last().plusDays(1));
                } else {
                    assertThat(instantOf(calendar, event.getDateStart()))
                            .isEqualTo(schedule.startsAt().orElseThrow().toInstant());
                    schedule.endsAt().ifPresent(end ->
                            assertThat(instantOf(calendar, event.getDateEnd())).isEqualTo(end.toInstant()));
                }
            }
        }
    }

    @Test
    void feeds_follow_any_query() {
        String mauricie = EXPORTER.feed(PROGRAM, ActivityQuery.builder().region(Region.MAURICIE).build(),
                FeedOptions.defaults().withName(LocalizedText.of("JQSI – Mauricie", "JQSI – Mauricie")));
        assertThat(uids(mauricie)).containsExactlyInAnyOrder(SampleProgram.SHORT_FILMS, SampleProgram.LOIN_DE_BACHAR,
                SampleProgram.EXHIBITION_OPENING, SampleProgram.MIGRATION_PANEL, SampleProgram.DHEEPAN,
                TestPrograms.WINDOW_TIMES);
        assertThat(contentLines(mauricie)).contains("NAME:JQSI – Mauricie");

        assertThat(uids(EXPORTER.feed(PROGRAM, ActivityQuery.builder().partner("ceci").build(), FeedOptions.defaults())))
                .containsExactly(TestPrograms.HYBRID);
        assertThat(uids(EXPORTER.feed(PROGRAM, ActivityQuery.builder().themeTag("climate-justice").build(),
                FeedOptions.defaults()))).containsExactly(TestPrograms.BEFORE_DST, TestPrograms.AFTER_DST);
        assertThat(uids(EXPORTER.feed(PROGRAM, ActivityQuery.builder().kind(ActivityKind.SCREENING).build(),
                FeedOptions.defaults())))
                .containsExactly(SampleProgram.SHORT_FILMS, SampleProgram.LOIN_DE_BACHAR, SampleProgram.DHEEPAN);
    }

    @Test
    void a_feed_holds_every_match_whatever_the_query_page() {
        List<Activity> many = new ArrayList<>();
        Activity model = PROGRAM.activity(TestPrograms.BEFORE_DST).orElseThrow();
        for (int i = 0; i < 2_345; i++) {
            many.add(model.toBuilder().id("quiz-" + i).build());
        }
        Program big = Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), many));
        String ics = EXPORTER.feed(big, ActivityQuery.builder().limit(10).offset(5).build(), FeedOptions.defaults());
        assertThat(uids(ics)).hasSize(2_345);
    }

    @Test
    void a_single_activity_file_is_an_event_to_add_not_a_calendar_to_subscribe_to() throws Exception {
        Activity bachar = PROGRAM.activity(SampleProgram.LOIN_DE_BACHAR).orElseThrow();
        String ics = EXPORTER.activityFile(PROGRAM, bachar, FeedOptions.in(Language.EN)
                .withName(LocalizedText.fr("Un nom")));
        assertThat(uids(ics)).containsExactly(SampleProgram.LOIN_DE_BACHAR);
        // Outlook makes a new calendar of a file with a name; the others are a subscription's.
        assertThat(contentLines(ics)).noneMatch(l -> l.startsWith("NAME") || l.startsWith("X-WR-CALNAME")
                || l.startsWith("REFRESH-INTERVAL") || l.startsWith("X-PUBLISHED-TTL") || l.startsWith("SOURCE"));
        assertThat(contentLines(ics)).startsWith("BEGIN:VCALENDAR", "PRODID:-//jqsi//jqsi-ical//FR", "VERSION:2.0",
                "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-TIMEZONE:America/Toronto", "URL:https://jqsi.example.org/");
        assertWellFolded(ics);
        assertValidForIcal4j(ics);
        assertValidForBiweekly(ics);
    }

    @Test
    void reminders_are_alarms_only_when_asked_for() throws Exception {
        assertThat(all(FeedOptions.defaults())).doesNotContain("BEGIN:VALARM");
        String ics = all(FeedOptions.defaults().withReminders(Duration.ofMinutes(30), Duration.ofDays(1)));
        assertThat(eventLines(ics, SampleProgram.LOIN_DE_BACHAR + "@jqsi")).containsSubsequence(
                "BEGIN:VALARM", "TRIGGER;RELATED=START:-PT30M", "ACTION:DISPLAY", "DESCRIPTION:Loin de Bachar", "END:VALARM",
                "BEGIN:VALARM", "TRIGGER;RELATED=START:-P1D", "ACTION:DISPLAY", "DESCRIPTION:Loin de Bachar", "END:VALARM");
        assertValidForIcal4j(ics);
        assertValidForBiweekly(ics);
    }

    /**
     * RFC 5545 §3.6: {@code icalbody = calprops component}, at least one. A calendar with no event (a region with no
     * activity, an edition whose activities are all to be announced) holds the default zone's VTIMEZONE, the zone its
     * X-WR-TIMEZONE names; written whole or event by event, the same bytes.
     */
    @Test
    void a_calendar_with_no_event_still_holds_a_component_the_default_zones_vtimezone() throws Exception {
        Program sample = Program.of(SampleProgram.data());
        java.io.StringWriter streamed = new java.io.StringWriter();
        EXPORTER.startCalendar(sample, new CalendarZones(), FeedOptions.defaults(), streamed).finish();
        java.io.StringWriter none = new java.io.StringWriter();
        EXPORTER.writeActivities(sample, List.of(), FeedOptions.defaults(), none);
        List<String> empty = List.of(
                EXPORTER.feed(PROGRAM, ActivityQuery.builder().region(Region.CENTRE_DU_QUEBEC).build(),
                        FeedOptions.defaults()),
                EXPORTER.feed(sample, ActivityQuery.builder().edition(SampleProgram.EDITION_2021).build(),
                        FeedOptions.in(Language.EN)),
                streamed.toString(),
                none.toString());
        for (String ics : empty) {
            assertWellFolded(ics);
            net.fortuna.ical4j.model.Calendar ical4j = assertValidForIcal4j(ics);
            assertThat(ical4j.getComponents()).hasSizeGreaterThanOrEqualTo(1);
            assertThat(ical4j.<net.fortuna.ical4j.model.component.CalendarComponent>getComponents("VEVENT"))
                    .isEmpty();
            ICalendar biweekly = IcsAssertions.assertReadByBiweeklyWithoutEvents(ics);
            assertThat(biweekly.getEvents()).isEmpty();
            assertThat(biweekly.getTimezoneInfo().getComponents()).singleElement()
                    .extracting(zone -> zone.getTimezoneId().getValue()).isEqualTo("America/Toronto");
            assertThat(contentLines(ics)).contains("X-WR-TIMEZONE:America/Toronto")
                    .filteredOn(line -> line.startsWith("BEGIN:V")).containsExactly("BEGIN:VCALENDAR",
                            "BEGIN:VTIMEZONE");
        }
        assertThat(streamed.toString()).isEqualTo(none.toString());
        // The zone's rules as they stand, not the year of writing: the same bytes next year, so sound ETags.
        assertThat(contentLines(none.toString())).contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
    }

    @Test
    void the_same_program_gives_the_same_bytes() throws Exception {
        String first = all(FeedOptions.defaults());
        String again = all(FeedOptions.defaults());
        String fresh = new CalendarExporter(EXPORTER.settings()).feed(TestPrograms.sample(), ActivityQuery.all(),
                FeedOptions.defaults());
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EXPORTER.writeFeed(PROGRAM, ActivityQuery.all(), FeedOptions.defaults(), bytes);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(first);
        // DTSTAMP is the last modification, else the edition's first day: never the clock.
        assertThat(eventLines(first, SampleProgram.LOIN_DE_BACHAR + "@jqsi")).contains("DTSTAMP:20201105T000000Z");
    }

    @Test
    void rendering_a_large_program_on_all_cores_gives_the_same_bytes_as_one_by_one() {
        List<Activity> many = new ArrayList<>();
        for (Activity model : PROGRAM.activities()) {
            for (int i = 0; i < 300; i++) {
                many.add(model.toBuilder().id(model.id() + "-" + i).build());
            }
        }
        Program big = Program.of(new ProgramData(PROGRAM.editions(), PROGRAM.partners(), many));
        String parallel = new CalendarExporter(EXPORTER.settings()).feed(big, ActivityQuery.all(),
                FeedOptions.defaults());
        // The same feed from an exporter whose cache was filled one activity at a time (below the parallel threshold).
        CalendarExporter oneByOne = new CalendarExporter(EXPORTER.settings());
        for (Activity activity : many) {
            if (activity.schedule().isDated()) {
                oneByOne.activityFile(big, activity, FeedOptions.defaults());
            }
        }
        assertThat(oneByOne.feed(big, ActivityQuery.all(), FeedOptions.defaults())).isEqualTo(parallel);
        assertThat(uids(parallel)).hasSize((int) many.stream().filter(a -> a.schedule().isDated()).count());
    }

    @Test
    void an_edited_copy_is_written_as_it_is_not_as_cached() {
        all(FeedOptions.defaults());
        Activity copy = PROGRAM.activity(SampleProgram.LOIN_DE_BACHAR).orElseThrow().toBuilder()
                .title(LocalizedText.fr("Titre changé")).build();
        String ics = EXPORTER.activityFile(PROGRAM, copy, FeedOptions.defaults());
        assertThat(contentLines(ics)).contains("SUMMARY;LANGUAGE=fr:Titre changé");
        assertThat(eventLines(all(FeedOptions.defaults()), SampleProgram.LOIN_DE_BACHAR + "@jqsi"))
                .contains("SUMMARY;LANGUAGE=fr:Loin de Bachar");
    }

    /**
     * An exporter of its own, for a test that changes the program: the shared one remembers what it published, and
     * would raise the SEQUENCE of the next test's events (see {@link EventHistory}).
     */
    private static CalendarExporter fresh() {
        return new CalendarExporter(EXPORTER.settings());
    }

    private static List<String> uids(String ics) {
        return contentLines(ics).stream().filter(l -> l.startsWith("UID:"))
                .map(l -> l.substring(4, l.length() - "@jqsi".length())).toList();
    }

    private static Program replacing(Activity activity) {
        ProgramData data = PROGRAM.data();
        List<Activity> activities = data.activities().stream()
                .map(a -> a.id().equals(activity.id()) ? activity : a).toList();
        return Program.of(new ProgramData(data.editions(), data.partners(), activities));
    }

    private static LocalDate localDate(java.util.Date date) {
        biweekly.util.ICalDate d = (biweekly.util.ICalDate) date;
        return LocalDate.of(d.getRawComponents().getYear(), d.getRawComponents().getMonth(),
                d.getRawComponents().getDate());
    }

    private static Instant startOf(net.fortuna.ical4j.model.Calendar calendar, String uid) {
        for (net.fortuna.ical4j.model.component.VEvent event
                : calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")) {
            if (event.getUid().orElseThrow().getValue().equals(uid)) {
                Optional<net.fortuna.ical4j.model.property.DtStart<java.time.temporal.Temporal>> property =
                        event.getProperty(net.fortuna.ical4j.model.Property.DTSTART);
                java.time.temporal.Temporal start = property.orElseThrow().getDate();
                return Instant.from(start);
            }
        }
        throw new AssertionError("no event " + uid);
    }

    @Test
    void an_activitys_picture_is_its_rfc7986_image() {
        List<Activity> activities = new java.util.ArrayList<>(PROGRAM.activities());
        activities.replaceAll(a -> a.id().equals("conference-hybride-quebec-2021") ? a.toBuilder()
                .image(org.jqsi.core.model.ActivityImage.of(URI.create("https://images.example.org/climat.jpg"),
                        LocalizedText.fr("Une salle de conférence"))).build() : a);
        Program withImage = Program.of(new ProgramData(PROGRAM.editions(), PROGRAM.partners(), activities));
        String feed = EXPORTER.feed(withImage, ActivityQuery.all(), FeedOptions.defaults());
        assertThat(eventLines(feed, "conference-hybride-quebec-2021@jqsi"))
                .contains("IMAGE;VALUE=URI:https://images.example.org/climat.jpg");
        // An independent reader takes it as RFC 7986's IMAGE, a link.
        VEvent event = byUid(Biweekly.parse(feed).first()).get("conference-hybride-quebec-2021@jqsi");
        assertThat(event.getImages()).hasSize(1);
        assertThat(event.getImages().get(0).getUri()).isEqualTo("https://images.example.org/climat.jpg");
        assertThat(eventLines(feed, "conference-hybride-quebec-2021@jqsi").stream()
                .filter(l -> l.startsWith("IMAGE"))).hasSize(1);
    }
}
