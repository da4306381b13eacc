package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jqsi.ical.Feeds.at;
import static org.jqsi.ical.Feeds.calendar;
import static org.jqsi.ical.Feeds.event;
import static org.jqsi.ical.Feeds.importText;
import static org.jqsi.ical.Feeds.starts;

import java.io.IOException;
import java.time.ZoneId;
import org.jqsi.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a {@code TZID} means: an IANA name, a Windows id or display name through CLDR's table, the file's own
 * {@code VTIMEZONE}, then the feed's {@code X-WR-TIMEZONE}, then the import's zone, with a warning.
 */
class TimeZoneImportTest {

    private static ImportResult at1900(String tzid, String... calendarLines) throws IOException {
        String[] lines = new String[calendarLines.length + 1];
        System.arraycopy(calendarLines, 0, lines, 0, calendarLines.length);
        lines[calendarLines.length] = event("UID:z@x", "SUMMARY:Z", "DTSTART;TZID=" + tzid + ":20211110T190000");
        return importText(calendar(lines));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Windows ids, CLDR's zone for Canada (Blanc-Sablon has no daylight time).
        "Eastern Standard Time | America/Toronto | 2021-11-11T00:00:00Z",
        "\"Eastern Standard Time\" | America/Toronto | 2021-11-11T00:00:00Z",
        "SA Western Standard Time | America/Blanc-Sablon | 2021-11-10T23:00:00Z",
        "Atlantic Standard Time | America/Halifax | 2021-11-10T23:00:00Z",
        "Newfoundland Standard Time | America/St_Johns | 2021-11-10T22:30:00Z",
        "W. Europe Standard Time | Europe/Berlin | 2021-11-10T18:00:00Z",
        // Display names, as Outlook writes them when it has lost the id.
        "\"(UTC-05:00) Eastern Time (US & Canada)\" | America/Toronto | 2021-11-11T00:00:00Z",
        "\"(UTC-04:00) Atlantic Time (Canada)\" | America/Halifax | 2021-11-10T23:00:00Z",
        "\"(UTC-03:30) Newfoundland\" | America/St_Johns | 2021-11-10T22:30:00Z",
        "\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\" | Europe/Amsterdam | 2021-11-10T18:00:00Z",
        "\"(GMT-06:00) Central Time (US & Canada)\" | America/Winnipeg | 2021-11-11T01:00:00Z",
        // IANA names, also behind the path prefixes Mozilla and Citadel write.
        "America/Toronto | America/Toronto | 2021-11-11T00:00:00Z",
        "/mozilla.org/20050126_1/America/Halifax | America/Halifax | 2021-11-10T23:00:00Z",
        "/citadel.org/20190914_1/America/Vancouver | America/Vancouver | 2021-11-11T03:00:00Z",
    })
    void a_tzid_is_read_as_its_zone(String tzid, String zone, String instant) throws IOException {
        ImportResult result = at1900(tzid);
        assertThat(result.problems()).isEmpty();
        assertThat(starts(result)).containsExactly(at(instant));
        assertThat(result.activities().get(0).schedule().zoneId()).contains(ZoneId.of(zone));
    }

    @Test
    void an_unknown_name_falls_back_to_the_feeds_zone_then_to_the_imports_with_a_warning() throws IOException {
        ImportResult withCalendarZone = at1900("Customized Time Zone", "X-WR-TIMEZONE:America/Halifax");
        assertThat(starts(withCalendarZone)).containsExactly(at("2021-11-10T23:00:00Z"));
        assertThat(withCalendarZone.problems()).extracting(Problem::where, Problem::code)
                .containsExactly(tuple("UID z@x (line 9)", "event.unknown-zone"));

        ImportResult alone = at1900("\"(UTC+07:00) Nowhere Special\"");
        assertThat(starts(alone)).containsExactly(at("2021-11-11T00:00:00Z"));
        assertThat(alone.problems()).extracting(Problem::code).containsExactly("event.unknown-zone");
    }

    @Test
    void an_event_in_a_broken_vtimezone_falls_back_and_both_are_reported() throws IOException {
        ImportResult result = at1900("Broken", "BEGIN:VTIMEZONE", "TZID:Broken", "BEGIN:STANDARD",
                "TZOFFSETFROM:nonsense", "END:STANDARD", "END:VTIMEZONE");
        assertThat(starts(result)).containsExactly(at("2021-11-11T00:00:00Z"));
        assertThat(result.problems()).extracting(Problem::where, Problem::code).containsExactly(
                tuple("line 4", "timezone.unreadable"), tuple("UID z@x (line 14)", "event.unknown-zone"));
    }

    @Test
    void a_file_zone_that_is_not_iana_gives_the_instants_and_the_feeds_zone_keeps_them() throws IOException {
        ImportResult result = at1900("Heure du Labrador", "BEGIN:VTIMEZONE", "TZID:Heure du Labrador",
                "BEGIN:STANDARD", "DTSTART:19701101T020000", "TZOFFSETFROM:-0300", "TZOFFSETTO:-0400",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD", "BEGIN:DAYLIGHT",
                "DTSTART:19700308T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0300",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT", "END:VTIMEZONE");
        assertThat(result.problems()).isEmpty();
        assertThat(starts(result)).containsExactly(at("2021-11-10T23:00:00Z"));
        assertThat(result.activities().get(0).schedule().zoneId()).contains(ZoneId.of("America/Toronto"));
    }

    @Test
    void a_utc_time_in_the_repeated_hour_keeps_its_instant() throws IOException {
        // 05:30 and 06:30 UTC on November 7, 2021 are both 01:30 in Toronto: the first in daylight time, the second
        // in standard time, which a local time in America/Toronto cannot say.
        ImportResult result = importText(calendar(
                event("UID:first@x", "SUMMARY:A", "DTSTART:20211107T053000Z", "DTEND:20211107T055900Z"),
                event("UID:second@x", "SUMMARY:B", "DTSTART:20211107T063000Z", "DTEND:20211107T065900Z")));
        assertThat(result.problems()).isEmpty();
        assertThat(starts(result)).containsExactly(at("2021-11-07T05:30:00Z"), at("2021-11-07T06:30:00Z"));
        assertThat(result.activities()).extracting(a -> a.schedule().endsAt().orElseThrow().toInstant())
                .containsExactly(at("2021-11-07T05:59:00Z"), at("2021-11-07T06:59:00Z"));
        assertThat(result.activities().get(0).schedule().zoneId()).contains(ZoneId.of("America/Toronto"));
        assertThat(result.activities().get(1).schedule().zoneId()).contains(ZoneId.of("Etc/GMT+5"));
    }
}
