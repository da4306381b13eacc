package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.ical.IcsAssertions.assertValidForBiweekly;
import static org.jqsi.ical.IcsAssertions.eventLines;

import biweekly.component.VEvent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SEQUENCE and DTSTAMP follow calendar-significant changes without the editor raising the revision (RFC 5546). */
class EventHistoryTest {

    private static final String UID = "quiz@jqsi";

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2021-11-01T12:00:00.250Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Activity quiz() {
        return Activity.builder("quiz").edition(SampleProgram.EDITION_2021).kind(ActivityKind.QUIZ)
                .title(LocalizedText.fr("Quiz solidaire"))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 8, 19, 0),
                        LocalDateTime.of(2021, 11, 8, 21, 0), Region.EASTERN))
                .place(new Place.Venue("Café Frida", new Address(null, "Montréal", null), null))
                .partner("aqoci", org.jqsi.core.model.PartnerRole.ORGANIZER).build();
    }

    private static Program program(Activity... activities) {
        return Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), List.of(activities)));
    }

    private static List<String> event(CalendarExporter exporter, Activity activity) {
        return eventLines(exporter.feed(program(activity), ActivityQuery.all(), FeedOptions.defaults()), UID);
    }

    private static Activity movedTo(Activity activity, int day) {
        return activity.toBuilder().schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, day, 19, 0),
                LocalDateTime.of(2021, 11, day, 21, 0), Region.EASTERN)).build();
    }

    @Test
    void each_significant_change_raises_sequence_and_dtstamp_and_nothing_else_does() {
        TestClock clock = new TestClock();
        CalendarExporter exporter = new CalendarExporter(IcalSettings.defaults(), EventHistory.inMemory(), clock);
        Activity first = quiz();
        assertThat(event(exporter, first)).contains("SEQUENCE:0", "DTSTAMP:20211101T000000Z")
                .noneMatch(l -> l.startsWith("LAST-MODIFIED"));

        // Moved a day later, revision left at 0: the exporter notices, at the clock's time (to the second).
        Activity moved = movedTo(first, 9);
        assertThat(event(exporter, moved)).contains("SEQUENCE:1", "DTSTAMP:20211101T120000Z",
                "LAST-MODIFIED:20211101T120000Z");
        // Written again later, or with another title: no change a calendar must notice, the same version.
        clock.now = Instant.parse("2021-11-02T08:00:00Z");
        assertThat(event(exporter, moved)).contains("SEQUENCE:1", "DTSTAMP:20211101T120000Z");
        assertThat(event(exporter, moved.toBuilder().title(LocalizedText.fr("Quiz!")).build()))
                .contains("SEQUENCE:1", "DTSTAMP:20211101T120000Z");

        List<Activity> changes = List.of(
                moved.toBuilder().schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 9, 19, 0),
                        LocalDateTime.of(2021, 11, 9, 22, 0), Region.EASTERN)).build(),
                moved.toBuilder().schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 9, 19, 0),
                        LocalDateTime.of(2021, 11, 9, 22, 0), ZoneId.of("America/Halifax"))).build(),
                moved.toBuilder().schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 9, 19, 0),
                        LocalDateTime.of(2021, 11, 9, 22, 0), ZoneId.of("America/Halifax")))
                        .place(new Place.Venue("Salle paroissiale", new Address(null, "Montréal", null), null)).build());
        int sequence = 1;
        for (Activity change : changes) {
            clock.now = clock.now.plusSeconds(3600);
            sequence++;
            assertThat(event(exporter, change)).as(change.toString())
                    .contains("SEQUENCE:" + sequence, "DTSTAMP:" + basic(clock.now));
        }
        Activity last = changes.get(changes.size() - 1);
        clock.now = clock.now.plusSeconds(3600);
        assertThat(event(exporter, last.toBuilder().status(Status.CANCELLED).build()))
                .contains("SEQUENCE:5", "STATUS:CANCELLED", "DTSTAMP:" + basic(clock.now));
        // Going back to an earlier version is a change too.
        clock.now = clock.now.plusSeconds(3600);
        assertThat(event(exporter, first)).contains("SEQUENCE:6", "DTSTAMP:" + basic(clock.now));
    }

    @Test
    void an_editor_who_raises_the_revision_and_last_modified_is_followed() {
        TestClock clock = new TestClock();
        CalendarExporter exporter = new CalendarExporter(IcalSettings.defaults(), EventHistory.inMemory(), clock);
        event(exporter, quiz());
        Activity edited = movedTo(quiz(), 10).toBuilder().revision(4)
                .lastModified(Instant.parse("2021-11-01T09:15:00Z")).build();
        assertThat(event(exporter, edited)).contains("SEQUENCE:4", "DTSTAMP:20211101T091500Z",
                "LAST-MODIFIED:20211101T091500Z");
        // A revision raised for a change of description only: followed too.
        assertThat(event(exporter, edited.toBuilder().revision(7).build())).contains("SEQUENCE:7",
                "DTSTAMP:20211101T091500Z");
    }

    @Test
    void versions_read_back_by_biweekly_are_ordered_as_rfc_5546_orders_them() {
        TestClock clock = new TestClock();
        CalendarExporter exporter = new CalendarExporter(IcalSettings.defaults(), EventHistory.inMemory(), clock);
        List<Activity> versions = List.of(quiz(), movedTo(quiz(), 9), movedTo(quiz(), 9).toBuilder()
                .place(new Place.Online(URI.create("https://zoom.example.org/j/1"), OnlinePlatform.ZOOM, null))
                .status(Status.MOVED_ONLINE).build(), movedTo(quiz(), 9).toBuilder().status(Status.CANCELLED).build());
        int previousSequence = -1;
        Instant previousStamp = Instant.MIN;
        for (Activity version : versions) {
            clock.now = clock.now.plusSeconds(60);
            VEvent read = assertValidForBiweekly(exporter.feed(program(version), ActivityQuery.all(),
                    FeedOptions.defaults())).getEvents().get(0);
            int sequence = read.getSequence().getValue();
            Instant stamp = read.getDateTimeStamp().getValue().toInstant();
            assertThat(sequence).isGreaterThan(previousSequence);
            assertThat(stamp).isAfter(previousStamp);
            previousSequence = sequence;
            previousStamp = stamp;
        }
    }

    @Test
    void an_edited_copy_is_not_remembered() {
        CalendarExporter exporter = new CalendarExporter(IcalSettings.defaults(), EventHistory.inMemory(),
                new TestClock());
        Program program = program(quiz());
        exporter.feed(program, ActivityQuery.all(), FeedOptions.defaults());
        String copy = exporter.activityFile(program, movedTo(quiz(), 12), FeedOptions.defaults());
        assertThat(eventLines(copy, UID)).contains("SEQUENCE:1");
        assertThat(event(exporter, quiz())).contains("SEQUENCE:0", "DTSTAMP:20211101T000000Z");
    }

    @Test
    void the_same_program_gives_the_same_bytes_and_the_version_tag_follows_the_history() {
        TestClock clock = new TestClock();
        CalendarExporter exporter = new CalendarExporter(IcalSettings.defaults(), EventHistory.inMemory(), clock);
        Program before = program(quiz());
        String tag = exporter.versionTag(before);
        String bytes = exporter.feed(before, ActivityQuery.all(), FeedOptions.defaults());
        clock.now = clock.now.plusSeconds(86_400);
        assertThat(exporter.feed(program(quiz()), ActivityQuery.all(), FeedOptions.defaults())).isEqualTo(bytes);
        assertThat(exporter.versionTag(program(quiz()))).isEqualTo(tag);
        exporter.feed(program(movedTo(quiz(), 9)), ActivityQuery.all(), FeedOptions.defaults());
        // The first program again: a change back, raised, and a new tag.
        assertThat(exporter.versionTag(program(quiz()))).isNotEqualTo(tag);
    }

    @Test
    void a_file_history_survives_a_restart_and_gives_the_same_bytes(@TempDir Path directory) throws Exception {
        Path programFile = directory.resolve("programme.json");
        Path file = EventHistory.besideProgram(programFile);
        assertThat(file).isEqualTo(directory.resolve("programme.json.ical-history").toAbsolutePath());
        TestClock clock = new TestClock();
        CalendarExporter before = new CalendarExporter(IcalSettings.defaults(), EventHistory.inFile(file), clock);
        event(before, quiz());
        assertThat(Files.readAllLines(file)).hasSize(2).element(1).asString().startsWith("quiz\t0\t2021-11-01T00:00:00Z\t");
        String moved = before.feed(program(movedTo(quiz(), 9)), ActivityQuery.all(), FeedOptions.defaults());
        assertThat(eventLines(moved, UID)).contains("SEQUENCE:1", "DTSTAMP:20211101T120000Z");

        // A restart, hours later: a new exporter on the same file.
        clock.now = clock.now.plusSeconds(7200);
        CalendarExporter after = new CalendarExporter(IcalSettings.defaults(), EventHistory.inFile(file), clock);
        assertThat(after.feed(program(movedTo(quiz(), 9)), ActivityQuery.all(), FeedOptions.defaults()))
                .isEqualTo(moved);
        try (var listing = Files.list(directory)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("programme.json.ical-history", "programme.json.ical-history.lock");
        }
    }

    @Test
    void a_file_history_keeps_its_mode_and_skips_a_damaged_line(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("h");
        EventHistory history = EventHistory.inFile(file);
        history.update(Set.of("a"), m -> Map.of("a", new EventHistory.Entry("f1", 1, Instant.EPOCH)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(file, Files.readString(file) + "b\tnot-a-number\t2021\tf\n");
        history.update(Set.of("c"), m -> Map.of("c", new EventHistory.Entry("f3", 3, Instant.EPOCH)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(EventHistory.inFile(file).read(Set.of("a", "b", "c"))).containsOnlyKeys("a", "c");
    }

    @Test
    void writers_on_one_file_lose_nothing_of_each_other(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("h");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                // Each writer its own object, as two servers on one file would be.
                EventHistory history = EventHistory.inFile(file);
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = "w" + writer + "-" + i;
                        int sequence = i;
                        UnaryOperator<Map<String, EventHistory.Entry>> add =
                                m -> Map.of(id, new EventHistory.Entry("f", sequence, Instant.EPOCH));
                        history.update(Set.of(id), add);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(101);
    }

    private static String basic(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(instant);
    }
}
