package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jqsi.ical.Feeds.at;
import static org.jqsi.ical.Feeds.calendar;
import static org.jqsi.ical.Feeds.event;
import static org.jqsi.ical.Feeds.importText;
import static org.jqsi.ical.Feeds.starts;

import java.io.IOException;
import java.time.LocalDate;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recurring events as ical.js expands them: RECURRENCE-ID, EXDATE and RDATE name occurrences by instant (or by day
 * when either side is a DATE) whatever their form; UNTIL, RSCALE and duplicates as RFC 5545 and RFC 7529 say.
 */
class RecurrenceImportTest {

    /** Weekly on Tuesdays at 19:00 in Toronto, four times: Nov 2 (UTC-4), 9, 16, 23 (UTC-5). */
    private static final String SERIES = event("UID:serie@partner.example", "SUMMARY:Cercle",
            "DTSTART;TZID=America/Toronto:20211102T190000", "DTEND;TZID=America/Toronto:20211102T203000",
            "RRULE:FREQ=WEEKLY;COUNT=4");

    private static String override(String recurrenceId, String start) {
        return event("UID:serie@partner.example", "SUMMARY:Cercle déplacé", recurrenceId,
                "DTSTART;TZID=America/Toronto:" + start, "DTEND;TZID=America/Toronto:" + start.substring(0, 9) + "223000");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // The same instant, Nov 9 at 19:00 in Toronto (00:00 UTC on the 10th), in every form writers use.
        "RECURRENCE-ID;TZID=America/Toronto:20211109T190000",
        "RECURRENCE-ID:20211110T000000Z",
        "RECURRENCE-ID;TZID=Europe/Paris:20211110T010000",
        "RECURRENCE-ID;TZID=Eastern Standard Time:20211109T190000",
        // Floating: read in the feed's zone, Eastern here.
        "RECURRENCE-ID:20211109T190000",
    })
    void a_recurrence_id_in_any_form_replaces_the_occurrence_it_names(String recurrenceId) throws IOException {
        ImportResult result = importText(calendar(SERIES, override(recurrenceId, "20211110T210000")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.activities()).hasSize(4);
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("Cercle", "Cercle", "Cercle",
                "Cercle déplacé");
        Activity moved = result.activities().get(3);
        assertThat(moved.id()).endsWith("-20211109-1900");
        assertThat(moved.schedule().startsAt().orElseThrow().toInstant()).isEqualTo(at("2021-11-11T02:00:00Z"));
        assertThat(starts(result).subList(0, 3)).containsExactly(at("2021-11-02T23:00:00Z"),
                at("2021-11-17T00:00:00Z"), at("2021-11-24T00:00:00Z"));
    }

    @Test
    void a_recurrence_id_that_names_no_occurrence_is_imported_alone_and_reported() throws IOException {
        ImportResult result = importText(calendar(SERIES,
                override("RECURRENCE-ID;TZID=America/Toronto:20211110T190000", "20211110T210000")));
        assertThat(result.activities()).hasSize(5);
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity).containsExactly(
                tuple("UID serie@partner.example (line 16)", "event.recurrence-id-unmatched", Severity.WARNING));
    }

    @Test
    void a_cancelled_occurrence_is_cancelled_alone() throws IOException {
        ImportResult result = importText(calendar(SERIES, event("UID:serie@partner.example", "SUMMARY:Cercle",
                "RECURRENCE-ID:20211117T000000Z", "DTSTART;TZID=America/Toronto:20211116T190000", "STATUS:CANCELLED")));
        assertThat(result.activities()).extracting(Activity::status).containsExactly(Status.SCHEDULED,
                Status.SCHEDULED, Status.SCHEDULED, Status.CANCELLED);
        assertThat(result.activities().get(3).id()).endsWith("-20211116-1900");
    }

    @Test
    void exchange_writes_a_date_time_recurrence_id_for_an_all_day_series() throws IOException {
        String series = event("UID:expo@partner.example", "SUMMARY:Expo", "DTSTART;VALUE=DATE:20211105",
                "DTEND;VALUE=DATE:20211106", "RRULE:FREQ=DAILY;COUNT=3");
        String moved = event("UID:expo@partner.example", "SUMMARY:Expo (fermée)",
                "RECURRENCE-ID;TZID=Eastern Standard Time:20211106T000000", "DTSTART;VALUE=DATE:20211106",
                "STATUS:CANCELLED");
        ImportResult result = importText(calendar(series, moved));
        assertThat(result.problems()).isEmpty();
        assertThat(result.activities()).extracting(a -> a.title().fr(), Activity::status).containsExactly(
                tuple("Expo", Status.SCHEDULED), tuple("Expo", Status.SCHEDULED),
                tuple("Expo (fermée)", Status.CANCELLED));
    }

    @Test
    void exdates_in_every_form_remove_their_occurrence() throws IOException {
        ImportResult result = importText(calendar(event("UID:x@partner.example", "SUMMARY:Quiz",
                "DTSTART;TZID=America/Toronto:20211102T190000", "RRULE:FREQ=WEEKLY;COUNT=5",
                // A DATE on a timed series, a UTC instant, and another zone's time for the same instant.
                "EXDATE;VALUE=DATE:20211109", "EXDATE:20211117T000000Z",
                "EXDATE;TZID=America/Vancouver:20211123T160000")));
        assertThat(starts(result)).containsExactly(at("2021-11-02T23:00:00Z"), at("2021-12-01T00:00:00Z"))
                .hasSize(2);
    }

    @Test
    void rdates_of_value_date_time_date_and_period_add_occurrences() throws IOException {
        ImportResult result = importText(calendar(event("UID:r@partner.example", "SUMMARY:Ciné",
                "DTSTART;TZID=America/Toronto:20211105T190000", "DTEND;TZID=America/Toronto:20211105T210000",
                "RDATE;TZID=America/Toronto:20211112T190000,20211119T190000",
                "RDATE;VALUE=DATE:20211120",
                "RDATE;VALUE=PERIOD:20211126T230000Z/20211127T020000Z,20211128T230000Z/PT1H")));
        assertThat(result.problems()).isEmpty();
        assertThat(starts(result)).containsExactly(at("2021-11-05T23:00:00Z"), at("2021-11-13T00:00:00Z"),
                at("2021-11-20T00:00:00Z"), at("2021-11-21T00:00:00Z"), at("2021-11-26T23:00:00Z"),
                at("2021-11-28T23:00:00Z"));
        assertThat(result.activities()).extracting(a -> a.schedule().endsAt().orElseThrow().toInstant())
                .containsExactly(at("2021-11-06T01:00:00Z"), at("2021-11-13T02:00:00Z"), at("2021-11-20T02:00:00Z"),
                        at("2021-11-21T02:00:00Z"), at("2021-11-27T02:00:00Z"), at("2021-11-29T00:00:00Z"));
    }

    @Test
    void a_floating_until_with_a_zoned_start_is_read_in_that_zone_and_keeps_the_last_occurrence()
            throws IOException {
        ImportResult floating = importText(calendar(event("UID:u@partner.example", "SUMMARY:Atelier",
                "DTSTART;TZID=Europe/Paris:20211105T100000", "RRULE:FREQ=DAILY;UNTIL=20211107T100000")));
        assertThat(starts(floating)).containsExactly(at("2021-11-05T09:00:00Z"), at("2021-11-06T09:00:00Z"),
                at("2021-11-07T09:00:00Z"));
        ImportResult utc = importText(calendar(event("UID:u@partner.example", "SUMMARY:Atelier",
                "DTSTART;TZID=Europe/Paris:20211105T100000", "RRULE:FREQ=DAILY;UNTIL=20211107T090000Z")));
        assertThat(starts(utc)).isEqualTo(starts(floating));
    }

    @Test
    void a_rule_in_another_calendar_scale_is_left_out_with_a_message_and_a_gregorian_one_is_expanded()
            throws IOException {
        ImportResult result = importText(calendar(
                event("UID:h@partner.example", "SUMMARY:Fête", "DTSTART;VALUE=DATE:20211105",
                        "RRULE:RSCALE=HEBREW;FREQ=YEARLY;COUNT=3"),
                event("UID:g@partner.example", "SUMMARY:Marché", "DTSTART;VALUE=DATE:20211105",
                        "RRULE:RSCALE=GREGORIAN;FREQ=WEEKLY;COUNT=2;SKIP=FORWARD")));
        assertThat(result.activities()).extracting(Activity::schedule).containsExactly(
                Schedule.Window.days(LocalDate.of(2021, 11, 5), LocalDate.of(2021, 11, 5), Region.EASTERN),
                Schedule.Window.days(LocalDate.of(2021, 11, 12), LocalDate.of(2021, 11, 12), Region.EASTERN));
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity).containsExactly(
                tuple("UID h@partner.example (line 9)", "event.rscale", Severity.ERROR));
        assertThat(result.problems().get(0).message(Language.EN)).contains("HEBREW", "RFC 7529");
    }

    @Test
    void a_modified_occurrence_given_twice_keeps_its_highest_sequence() throws IOException {
        String stale = event("UID:serie@partner.example", "SUMMARY:Vieux", "SEQUENCE:1",
                "RECURRENCE-ID:20211110T000000Z", "DTSTART;TZID=America/Toronto:20211110T190000");
        String current = event("UID:serie@partner.example", "SUMMARY:Récent", "SEQUENCE:3",
                "RECURRENCE-ID;TZID=America/Toronto:20211109T190000", "DTSTART;TZID=America/Toronto:20211111T190000");
        ImportResult result = importText(calendar(SERIES, current, stale));
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("Cercle", "Cercle", "Cercle",
                "Récent");
        assertThat(result.problems()).extracting(Problem::code).containsExactly("event.duplicate");
    }

    @Test
    void a_uid_given_twice_with_the_same_sequence_keeps_the_latest_dtstamp() throws IOException {
        String older = "BEGIN:VEVENT\r\nUID:d@partner.example\r\nDTSTAMP:20211002T000000Z\r\nSUMMARY:Nouveau\r\n"
                + "DTSTART:20211105T150000Z\r\nEND:VEVENT";
        String newer = "BEGIN:VEVENT\r\nUID:d@partner.example\r\nDTSTAMP:20211001T000000Z\r\nSUMMARY:Ancien\r\n"
                + "DTSTART:20211105T130000Z\r\nEND:VEVENT";
        ImportResult result = importText(calendar(older, newer));
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("Nouveau");
    }

    @Test
    void with_a_count_dtstart_is_the_first_occurrence_even_when_the_rule_would_not_give_it() throws IOException {
        // RFC 5545 §3.3.10: DTSTART always counts as the first occurrence; the rule then gives COUNT - 1 more.
        ImportResult result = importText(calendar(event("UID:c@x", "SUMMARY:Lundi puis jeudis",
                "DTSTART;TZID=America/Toronto:20211101T190000", "RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=3")));
        assertThat(starts(result)).containsExactly(at("2021-11-01T23:00:00Z"), at("2021-11-04T23:00:00Z"),
                at("2021-11-12T00:00:00Z"));
    }

    @Test
    void a_recurrence_id_with_range_thisandfuture_moves_that_occurrence_and_every_later_one() throws IOException {
        ImportResult result = importText(calendar(SERIES, event("UID:serie@partner.example",
                "SUMMARY:Cercle (nouvelle heure)", "RECURRENCE-ID;RANGE=THISANDFUTURE:20211110T000000Z",
                "DTSTART;TZID=America/Toronto:20211109T200000", "DTEND;TZID=America/Toronto:20211109T213000")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("Cercle",
                "Cercle (nouvelle heure)", "Cercle (nouvelle heure)", "Cercle (nouvelle heure)");
        assertThat(starts(result)).containsExactly(at("2021-11-02T23:00:00Z"), at("2021-11-10T01:00:00Z"),
                at("2021-11-17T01:00:00Z"), at("2021-11-24T01:00:00Z"));
        assertThat(result.activities().get(3).id()).endsWith("-20211123-1900");
    }

    @Test
    void an_hourly_series_in_utc_across_the_fall_change_keeps_every_occurrence_and_its_length() throws IOException {
        ImportResult result = importText(calendar(event("UID:h@x", "SUMMARY:Veille",
                "DTSTART:20211106T053000Z", "DTEND:20211106T060000Z", "RRULE:FREQ=HOURLY;COUNT=30")));
        assertThat(result.activities()).hasSize(30);
        assertThat(result.activities()).extracting(Activity::id).doesNotHaveDuplicates();
        for (int i = 0; i < 30; i++) {
            java.time.Instant start = at("2021-11-06T05:30:00Z").plusSeconds(3_600L * i);
            Activity activity = result.activities().get(i);
            assertThat(activity.schedule().startsAt().orElseThrow().toInstant()).isEqualTo(start);
            assertThat(activity.schedule().endsAt().orElseThrow().toInstant()).isEqualTo(start.plusSeconds(1_800));
        }
    }

    @Test
    void a_utc_event_from_the_first_to_the_second_0130_keeps_its_end() throws IOException {
        ImportResult result = importText(calendar(event("UID:d@x", "SUMMARY:Une heure",
                "DTSTART:20211107T053000Z", "DTEND:20211107T063000Z")));
        assertThat(starts(result)).containsExactly(at("2021-11-07T05:30:00Z"));
        assertThat(result.activities().get(0).schedule().endsAt().orElseThrow().toInstant())
                .isEqualTo(at("2021-11-07T06:30:00Z"));
    }
}
