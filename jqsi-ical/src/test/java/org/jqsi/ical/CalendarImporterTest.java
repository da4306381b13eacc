package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.Severity;
import org.jqsi.core.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarImporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-01T12:00:00Z"), ZoneOffset.UTC);
    private static final CalendarImporter IMPORTER = new CalendarImporter(IcalSettings.defaults(), CLOCK);
    private static final Edition JQSI_2020 = SampleProgram.editions().get(0);
    private static final Edition JQSI_2021 = SampleProgram.editions().get(1);

    private static ImportResult importResource(String name, FeedTarget target, List<Activity> existing)
            throws IOException {
        try (InputStream in = CalendarImporterTest.class.getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as(name).isNotNull();
            return IMPORTER.importFeed(in, target, existing);
        }
    }

    private static Map<String, Activity> byId(List<Activity> activities) {
        return activities.stream().collect(Collectors.toMap(Activity::id, Function.identity()));
    }

    private static Map<String, Activity> byTitle(List<Activity> activities) {
        return activities.stream().collect(Collectors.toMap(a -> a.title().fr() + " " + a.schedule().firstDay()
                .orElseThrow(), Function.identity()));
    }

    @Test
    void a_google_calendar_feed_with_a_recurring_event_across_the_dst_change() throws IOException {
        ImportResult result = importResource("google-cs3r.ics", FeedTarget.of(JQSI_2021, "cs3r", Region.MAURICIE),
                List.of());
        assertThat(result.problems()).isEmpty();
        List<Activity> circles = result.activities().stream()
                .filter(a -> a.title().fr().startsWith("Cercle de lecture")).toList();
        // Tuesdays of November 2021 less the excluded 16th; the 23rd moved to Wednesday the 24th.
        assertThat(circles).extracting(a -> a.schedule()).containsExactly(
                Schedule.Timed.between(LocalDateTime.of(2021, 11, 2, 19, 0), LocalDateTime.of(2021, 11, 2, 20, 30),
                        Region.EASTERN),
                Schedule.Timed.between(LocalDateTime.of(2021, 11, 9, 19, 0), LocalDateTime.of(2021, 11, 9, 20, 30),
                        Region.EASTERN),
                Schedule.Timed.between(LocalDateTime.of(2021, 11, 30, 19, 0), LocalDateTime.of(2021, 11, 30, 20, 30),
                        Region.EASTERN),
                Schedule.Timed.between(LocalDateTime.of(2021, 11, 24, 18, 30), LocalDateTime.of(2021, 11, 24, 20, 0),
                        Region.EASTERN));
        Activity moved = circles.get(3);
        assertThat(moved.title().fr()).isEqualTo("Cercle de lecture solidaire (mercredi)");
        assertThat(moved.id()).isEqualTo(circles.get(0).id().replace("20211102-1900", "20211123-1900"));
        assertThat(circles).allSatisfy(a -> {
            assertThat(a.editionId()).isEqualTo("jqsi-2021");
            assertThat(a.region()).isEqualTo(Region.MAURICIE);
            assertThat(a.partnersIn(PartnerRole.ORGANIZER)).containsExactly("cs3r");
            assertThat(a.place()).isEqualTo(new Place.Venue("Café-bistro L'Embuscade",
                    new org.jqsi.core.model.Address("1571 Rue Badeaux", "Trois-Rivières", "G9A 4S6"), null));
        });
        assertThat(circles.get(0).description().fr())
                .isEqualTo("Chaque mardi de novembre, on discute d'un livre sur la justice migratoire. Apportez vos"
                        + " questions !");
        assertThat(circles.get(0).lastModified()).isEqualTo(Instant.parse("2021-10-20T10:15:00Z"));
    }

    @Test
    void utc_times_all_day_events_cancellation_links_and_the_edition_dates() throws IOException {
        ImportResult result = importResource("google-cs3r.ics", FeedTarget.of(JQSI_2021, "cs3r", Region.MAURICIE),
                List.of());
        Map<String, Activity> byUid = byId(result.activities());

        Activity cine = byUid.values().stream().filter(a -> a.title().fr().startsWith("Ciné-échange")).findFirst()
                .orElseThrow();
        // 23:30 UTC on Nov 10 is 6:30 p.m. in Eastern (standard) time.
        assertThat(cine.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 10, 18, 30),
                LocalDateTime.of(2021, 11, 10, 20, 0), Region.EASTERN));
        assertThat(cine.kind()).isEqualTo(ActivityKind.SCREENING);
        assertThat(cine.place()).isEqualTo(new Place.Online(URI.create("https://meet.google.com/abc-defg-hij"),
                null, null));
        assertThat(cine.links()).extracting(l -> l.url()).containsExactly(URI.create("https://cs3r.example.org/cine-echange"));
        assertThat(cine.description().fr()).isEqualTo(
                "Projection du documentaire suivie d'une discussion.\n\nInscription : cs3r.example.org");

        Activity expo = byUid.values().stream().filter(a -> a.title().fr().startsWith("Exposition")).findFirst()
                .orElseThrow();
        assertThat(expo.schedule()).isEqualTo(Schedule.Window.days(LocalDate.of(2021, 11, 15),
                LocalDate.of(2021, 11, 17), Region.EASTERN));
        assertThat(expo.description().fr()).isEqualTo("Exposition de photos; entrée libre.");

        Activity cancelled = byUid.values().stream().filter(a -> a.title().fr().startsWith("Midi-conférence"))
                .findFirst().orElseThrow();
        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.revision()).isEqualTo(2);
        assertThat(cancelled.place()).isEqualTo(new Place.Online(null, null, null));

        assertThat(result.activities()).noneMatch(a -> a.title().fr().contains("Noël"));
        assertThat(result.outsideEdition()).isEqualTo(1);
        assertThat(result.added()).hasSize(7);
    }

    @Test
    void an_outlook_feed_with_windows_zone_names_teams_links_and_a_weekly_series() throws IOException {
        ImportResult result = importResource("outlook-ceci.ics", FeedTarget.of(JQSI_2021, "ceci", Region.MONTREAL),
                List.of());
        assertThat(result.problems()).isEmpty();
        List<Activity> talks = result.activities().stream()
                .filter(a -> a.title().fr().startsWith("Midi-discussion")).toList();
        assertThat(talks).extracting(a -> a.schedule().startsAt().orElseThrow().toLocalDateTime()).containsExactly(
                LocalDateTime.of(2021, 11, 4, 12, 0), LocalDateTime.of(2021, 11, 11, 12, 0),
                LocalDateTime.of(2021, 11, 18, 12, 0), LocalDateTime.of(2021, 11, 25, 12, 0));
        // "Eastern Standard Time" is Toronto's zone, so the first Thursday (before the change) is UTC-4.
        assertThat(talks.get(0).schedule().zoneId()).contains(Region.EASTERN);
        assertThat(talks.get(0).schedule().startsAt().orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2021-11-04T16:00:00Z"));
        assertThat(talks.get(1).schedule().startsAt().orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2021-11-11T17:00:00Z"));
        assertThat(talks.get(0).place()).isEqualTo(new Place.Online(URI.create(
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"), null, null));
        assertThat(talks.get(0).description().fr()).startsWith("Rencontrez les cinéastes d'un film lauréat de la "
                + "catégorie « Agir pour l'égalité » de Vues d'Afrique 2021.\n\nRejoindre");

        Activity closing = result.activities().stream().filter(a -> a.title().fr().startsWith("Soirée de clôture"))
                .findFirst().orElseThrow();
        assertThat(closing.place()).isEqualTo(new Place.Venue("Salle Claude-Champagne",
                new org.jqsi.core.model.Address(null, "Montréal", null), null));
        assertThat(closing.id()).matches("[a-z0-9-]+").hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void floating_times_are_read_in_the_feed_zone_and_durations_give_the_end() throws IOException {
        ImportResult result = importResource("iles-floating.ics",
                FeedTarget.of(JQSI_2021, "cs-iles", Region.GASPESIE_ILES_DE_LA_MADELEINE), List.of());
        assertThat(result.problems()).isEmpty();
        Map<String, Activity> byTitle = byTitle(result.activities());
        Activity tales = byTitle.get("Soirée de contes du monde 2021-11-13");
        assertThat(tales.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 13, 20, 0),
                LocalDateTime.of(2021, 11, 13, 21, 30), TestPrograms.HALIFAX));
        assertThat(tales.place()).isEqualTo(new Place.Venue("Café de la Grave",
                new org.jqsi.core.model.Address(null, "Havre-Aubert", null),
                new org.jqsi.core.model.Geo(47.2386, -61.8353)));
        Activity workshop = byTitle.get("Atelier de cuisine solidaire 2021-11-06");
        assertThat(workshop.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 6, 14, 0),
                LocalDateTime.of(2021, 11, 6, 16, 0), TestPrograms.HALIFAX));
    }

    @Test
    void bad_events_are_reported_with_uid_and_line_and_the_good_ones_imported() throws IOException {
        ImportResult result = importResource("bad-events.ics", FeedTarget.of(JQSI_2021, "aqoci", null), List.of());
        // An event without UID or without SUMMARY is still imported (issue 16, items 5 and 13), with a warning.
        assertThat(result.activities()).extracting(a -> a.title().fr())
                .containsExactly("Un bon événement", "Sans UID", "Activité sans titre", "Un autre bon événement");
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity)
                .containsExactlyInAnyOrder(
                // The line of the bad property when there is one, else of the event's BEGIN.
                org.assertj.core.groups.Tuple.tuple("line 11", "event.uid-missing", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("UID date-illisible (line 19)", "event.bad-date", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("UID sans-debut (line 22)", "event.start-missing", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("UID fin-avant-debut (line 31)", "event.end-before-start",
                        Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("UID sans-titre (line 34)", "event.summary-missing",
                        Severity.WARNING));
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.problems()).allSatisfy(p -> {
            assertThat(p.message().fr()).isNotBlank();
            assertThat(p.message().en()).isNotBlank();
        });
        assertThat(result.activities().get(2).title().en()).isEqualTo("Untitled activity");
    }

    @Test
    void a_broken_feed_is_refused_with_its_line() {
        assertThatThrownBy(() -> IMPORTER.importFeed(new StringReader("<!DOCTYPE html>\n<html>Not found</html>\n"),
                FeedTarget.of(JQSI_2021, "aqoci", null), List.of()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("BEGIN:VCALENDAR");
        String unclosed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                + "BEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> IMPORTER.importFeed(new StringReader(unclosed),
                FeedTarget.of(JQSI_2021, "aqoci", null), List.of()))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> assertThat(e.line()).isEqualTo(9))
                .hasMessageContaining("END:VCALENDAR does not close BEGIN:VEVENT of line 4");
        String garbage = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis is not a content line\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> IMPORTER.importFeed(new StringReader(garbage),
                FeedTarget.of(JQSI_2021, "aqoci", null), List.of()))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
        String truncated = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n";
        assertThatThrownBy(() -> IMPORTER.importFeed(new StringReader(truncated),
                FeedTarget.of(JQSI_2021, "aqoci", null), List.of()))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("BEGIN:VEVENT is never closed");
    }

    @Test
    void importing_the_same_feed_twice_changes_nothing() throws IOException {
        FeedTarget target = FeedTarget.of(JQSI_2021, "cs3r", Region.MAURICIE);
        ImportResult first = importResource("google-cs3r.ics", target, List.of());
        ImportResult second = importResource("google-cs3r.ics", target, first.activities());
        assertThat(second.activities()).isEqualTo(first.activities());
        assertThat(second.added()).isEmpty();
        assertThat(second.changed()).isEmpty();
        assertThat(second.unchanged()).hasSize(first.activities().size());
        assertThat(second.changedAnything()).isFalse();
    }

    @Test
    void a_moved_or_cancelled_event_bumps_its_revision_and_keeps_what_jqsi_added() throws IOException {
        String feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:quiz@partner.example\r\n"
                + "DTSTAMP:20211020T000000Z\r\nDTSTART;TZID=America/Toronto:%s\r\nSUMMARY:Quiz\r\n%sEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        FeedTarget target = FeedTarget.of(JQSI_2021, "aqoci", Region.MONTREAL);
        ImportResult first = IMPORTER.importFeed(new StringReader(feed.formatted("20211110T190000", "")), target,
                List.of());
        Activity original = first.activities().get(0);
        assertThat(original.revision()).isZero();
        // jqsi adds a theme tag to the imported activity; the next imports keep it.
        List<Activity> tagged = List.of(original.toBuilder().themeTag("climate-justice").build());

        ImportResult moved = IMPORTER.importFeed(new StringReader(feed.formatted("20211112T190000", "")), target,
                tagged);
        Activity after = moved.activities().get(0);
        assertThat(moved.changed()).containsExactly(after);
        assertThat(after.id()).isEqualTo(original.id());
        assertThat(after.revision()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(Status.RESCHEDULED);
        assertThat(after.previousStart()).isEqualTo(LocalDateTime.of(2021, 11, 10, 19, 0));
        assertThat(after.lastModified()).isEqualTo(CLOCK.instant());
        assertThat(after.themeTags()).containsExactly("climate-justice");

        ImportResult cancelled = IMPORTER.importFeed(new StringReader(feed.formatted("20211112T190000",
                "STATUS:CANCELLED\r\n")), target, moved.activities());
        assertThat(cancelled.activities().get(0).status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.activities().get(0).revision()).isEqualTo(2);

        ImportResult again = IMPORTER.importFeed(new StringReader(feed.formatted("20211112T190000",
                "STATUS:CANCELLED\r\n")), target, cancelled.activities());
        assertThat(again.changedAnything()).isFalse();
    }

    @Test
    void round_trip_export_then_import_gives_back_the_activities() throws Exception {
        CalendarExporter exporter = new CalendarExporter(IcalSettings.defaults());
        Program program = Program.of(SampleProgram.data());
        String ics = exporter.feed(program, ActivityQuery.builder().edition(SampleProgram.EDITION_2020).build(),
                FeedOptions.defaults());
        Path file = Files.createTempFile("jqsi-round-trip", ".ics");
        try {
            Files.writeString(file, ics, StandardCharsets.UTF_8);
            ImportResult result = IMPORTER.importFeed(file, FeedTarget.of(JQSI_2020, "cs3r", Region.MAURICIE),
                    List.of());
            assertThat(result.problems()).isEmpty();
            Map<String, Activity> imported = byId(result.activities());
            List<Activity> dated = program.activities().stream()
                    .filter(a -> a.editionId().equals(SampleProgram.EDITION_2020)).toList();
            assertThat(imported.keySet()).containsExactlyInAnyOrderElementsOf(dated.stream().map(Activity::id).toList());
            for (Activity original : dated) {
                Activity back = imported.get(original.id());
                assertThat(back.title().fr()).isEqualTo(original.title().fr());
                assertThat(back.description().fr()).isEqualTo(original.description().fr());
                // A timed activity without an end is exported with the assumed duration, and read back with it.
                assertThat(back.schedule()).isEqualTo(original.schedule() instanceof Schedule.Timed t && t.end() == null
                        ? Schedule.Timed.between(t.start(), t.endOrAssumed().toLocalDateTime(), t.zone())
                        : original.schedule());
                assertThat(back.status()).isEqualTo(original.status());
                assertThat(back.revision()).isEqualTo(original.revision());
                assertThat(back.kind()).isEqualTo(original.kind());
            }
            // The imported program is valid for the core's validator.
            ProgramData data = new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                    result.activities());
            ValidationReport report = new ProgramValidator(ProgramValidator.defaultFactory()).validate(data);
            assertThat(report.errors()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void round_trip_keeps_other_zones_and_cancellations() throws Exception {
        CalendarExporter exporter = new CalendarExporter(IcalSettings.defaults());
        Program program = TestPrograms.sample();
        String ics = exporter.feed(program, ActivityQuery.builder().edition(SampleProgram.EDITION_2021).build(),
                FeedOptions.defaults());
        ImportResult result = IMPORTER.importFeed(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)),
                FeedTarget.of(JQSI_2021, "aqoci", null), List.of());
        assertThat(result.problems()).isEmpty();
        Map<String, Activity> imported = byId(result.activities());
        assertThat(imported.get(TestPrograms.MAGDALEN).schedule())
                .isEqualTo(program.activity(TestPrograms.MAGDALEN).orElseThrow().schedule());
        assertThat(imported.get(TestPrograms.CANCELLED).status()).isEqualTo(Status.CANCELLED);
        assertThat(imported.get(TestPrograms.CANCELLED).revision()).isEqualTo(2);
        assertThat(imported.get(TestPrograms.BEFORE_DST).place()).isEqualTo(
                program.activity(TestPrograms.BEFORE_DST).orElseThrow().place());
        // The platform comes back too, through X-JQSI-PLATFORM (issue 17, item 8).
        assertThat(imported.get(TestPrograms.HYBRID).place()).isEqualTo(
                program.activity(TestPrograms.HYBRID).orElseThrow().place());
        assertThat(imported.get(TestPrograms.ESCAPES).title().fr())
                .isEqualTo("Atelier; virgules, points-virgules et \\barres\\");
    }

    @Test
    void only_web_addresses_are_fetched() {
        assertThatThrownBy(() -> IMPORTER.importFeed(URI.create("file:///etc/passwd"),
                FeedTarget.of(JQSI_2021, "aqoci", null), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feeds_over_the_size_limit_are_refused() {
        CalendarImporter small = new CalendarImporter(IcalSettings.defaults()
                .withImportLimits(java.time.Duration.ofSeconds(1), 100), CLOCK);
        assertThatThrownBy(() -> small.importFeed(new ByteArrayInputStream(new byte[1000]),
                FeedTarget.of(JQSI_2021, "aqoci", null), List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than 100");
    }
}
