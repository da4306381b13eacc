package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.json.ProgramReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iCal4j adds ids of its own ({@code ical4j-local-…}) to the JDK's zone list once it has parsed a calendar; a program
 * file or a feed that names one is refused like any unknown zone, never read into a zone with no rules.
 */
class IcalZoneIdsTest {

    @TempDir
    Path dir;

    @Test
    void a_zone_id_that_ical4j_registered_is_not_a_zone_of_a_program_file() throws IOException {
        // Importing a feed with a VTIMEZONE makes iCal4j register its ids.
        Feeds.importText(Feeds.calendar("BEGIN:VTIMEZONE", "TZID:Heure locale", "BEGIN:STANDARD",
                "DTSTART:19700101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE",
                Feeds.event("UID:z@x", "SUMMARY:Z", "DTSTART;TZID=Heure locale:20211110T190000")));
        String registered = ZoneId.getAvailableZoneIds().stream().filter(id -> id.startsWith("ical4j")).findFirst()
                .orElse("ical4j-local-none");
        Path file = dir.resolve("program.json");
        Files.writeString(file, """
                {"formatVersion": 1,
                 "editions": [{"id": "jqsi-2021", "year": 2021, "start": "2021-11-01", "end": "2021-11-30"}],
                 "activities": [{"id": "a-2021", "editionId": "jqsi-2021", "kind": "conference",
                   "title": {"fr": "A"}, "status": "scheduled",
                   "schedule": {"type": "timed", "start": "2021-11-08T19:30", "end": "2021-11-08T21:00",
                     "zone": "%s"}}]}
                """.formatted(registered));
        assertThatThrownBy(() -> new ProgramReader().read(file)).isInstanceOfSatisfying(ProgramLoadException.class,
                e -> assertThat(e.report().errors()).anySatisfy(p -> assertThat(p.where()).contains("zone")));

        ImportResult feed = Feeds.importText(Feeds.calendar(Feeds.event("UID:y@x", "SUMMARY:Y",
                "DTSTART;TZID=" + registered + ":20211110T190000")));
        assertThat(feed.problems()).extracting(org.jqsi.core.validation.Problem::code)
                .containsExactly("event.unknown-zone");
        assertThat(feed.activities().get(0).schedule().zoneId()).contains(ZoneId.of("America/Toronto"));
    }
}
