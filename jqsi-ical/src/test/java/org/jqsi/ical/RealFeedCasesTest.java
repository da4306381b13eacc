package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The feeds that real partners' calendar apps wrote and jqsi imported wrong (issue 16; copies of
 * {@code ../shared/cases/ical-import/}), imported as the issue does ({@code --edition jqsi-2021 --partner cs3r
 * --region 04}): each gives the instants and texts that Mozilla's ical.js gives, and says what it did about the
 * rest.
 */
class RealFeedCasesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-10-30T12:00:00Z"), ZoneOffset.UTC);
    private static final Edition JQSI_2021 = SampleProgram.editions().get(1);
    private static final FeedTarget TARGET = FeedTarget.of(JQSI_2021, "cs3r", Region.MAURICIE);

    static ImportResult importCase(String name) throws IOException {
        try (InputStream in = RealFeedCasesTest.class.getResourceAsStream("/cases/ical-import/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new CalendarImporter(IcalSettings.defaults(), CLOCK).importFeed(in, TARGET, List.of());
        }
    }

    private static List<Instant> starts(ImportResult result) {
        return result.activities().stream().map(a -> a.schedule().startsAt().orElseThrow().toInstant()).toList();
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void a_windows_display_name_in_quotes_is_eastern_time_and_its_exdate_applies() throws IOException {
        ImportResult result = importCase("04-quoted-utc-offset-tzid.ics");
        assertThat(result.problems()).isEmpty();
        assertThat(starts(result)).containsExactly(at("2021-11-08T17:00:00Z"), at("2021-11-09T17:00:00Z"),
                at("2021-11-11T17:00:00Z"), at("2021-11-12T17:00:00Z"));
        assertThat(result.activities()).allSatisfy(a -> assertThat(a.schedule().zoneId())
                .contains(Region.EASTERN));
    }

    @Test
    void an_event_without_summary_takes_its_description() throws IOException {
        ImportResult result = importCase("05b-no-summary-min.ics");
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("event without title");
        assertThat(starts(result)).containsExactly(at("2021-11-25T14:00:00Z"));
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity)
                .containsExactly(tuple("UID g2@example.org (line 4)", "event.summary-missing", Severity.WARNING));
    }

    @Test
    void a_recurrence_id_in_utc_replaces_the_occurrence_it_names() throws IOException {
        ImportResult result = importCase("07-recurrence-id-utc.ics");
        assertThat(result.activities()).hasSize(4);
        Map<String, Activity> byId = result.activities().stream()
                .collect(Collectors.toMap(Activity::id, Function.identity()));
        Activity moved = byId.get("r1-example-org-d2919bc6-20211109-1000");
        assertThat(moved.title().fr()).isEqualTo("Weekly Paris (moved)");
        assertThat(moved.schedule().startsAt().orElseThrow().toInstant()).isEqualTo(at("2021-11-09T13:00:00Z"));
        assertThat(result.activities()).extracting(a -> a.title().fr()).filteredOn("Weekly Paris"::equals)
                .hasSize(3);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void every_vcalendar_of_the_stream_is_read() throws IOException {
        ImportResult result = importCase("08-multiple-vcalendars-min.ics");
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("Event 1", "Event 2");
        assertThat(starts(result)).containsExactly(at("2021-11-11T23:00:00Z"), at("2021-11-12T23:00:00Z"));
    }

    @Test
    void a_fold_inside_a_multi_byte_character_is_undone_on_octets() throws IOException {
        ImportResult result = importCase("10-fold-inside-utf8.ics");
        Activity soiree = result.activities().get(0);
        assertThat(soiree.title().fr()).isEqualTo("Soirée solidarité");
        assertThat(soiree.description().fr()).isEqualTo("Bienvenue \uD83C\uDF89 à tous");
        assertThat(soiree.description().fr()).doesNotContain("\uFFFD");
    }

    @Test
    void an_exdate_of_value_date_removes_that_day_from_a_timed_series() throws IOException {
        ImportResult result = importCase("15-exdate-date-min.ics");
        assertThat(starts(result)).containsExactly(at("2021-11-05T18:00:00Z"), at("2021-11-19T19:00:00Z"));
        assertThat(result.activities().get(0).schedule().endsAt().orElseThrow().toInstant())
                .isEqualTo(at("2021-11-05T19:30:00Z"));
    }

    @Test
    void lower_case_names_are_names() throws IOException {
        ImportResult result = importCase("16-lowercase-names.ics");
        assertThat(starts(result)).containsExactly(at("2021-11-11T00:00:00Z"), at("2021-11-12T00:00:00Z"));
        assertThat(result.activities().get(0).title().fr()).isEqualTo("Lower case");
        assertThat(result.activities().get(0).place().venuePart().orElseThrow().name()).isEqualTo("Salle 2");
    }

    @Test
    void a_date_with_a_tzid_is_an_all_day_date() throws IOException {
        ImportResult result = importCase("40-date-with-tzid.ics");
        assertThat(result.problems()).isEmpty();
        assertThat(result.activities()).extracting(Activity::schedule).containsExactly(
                Schedule.Window.days(LocalDate.of(2021, 11, 5), LocalDate.of(2021, 11, 5), Region.EASTERN));
    }

    @Test
    void a_tzid_that_names_a_vtimezone_of_the_file_uses_it_and_an_unknown_one_falls_back_with_a_warning()
            throws IOException {
        ImportResult result = importCase("41-tzid-not-iana.ics");
        Map<String, Instant> byTitle = result.activities().stream().collect(Collectors.toMap(a -> a.title().fr(),
                a -> a.schedule().startsAt().orElseThrow().toInstant()));
        // "TZID= 1" is the file's zone: UTC+01:00 on November 5 (its summer time ends on October's last Sunday).
        assertThat(byTitle.get("TZID with a leading space")).isEqualTo(at("2021-11-05T09:00:00Z"));
        // No VTIMEZONE, no X-WR-TIMEZONE: the import's zone, Eastern, said once for the event.
        assertThat(byTitle.get("Custom zone name, no VTIMEZONE")).isEqualTo(at("2021-11-05T14:00:00Z"));
        assertThat(result.problems()).extracting(Problem::where, Problem::code).containsExactly(
                tuple("UID custom-tz@example.org (line 23)", "event.unknown-zone"));
        assertThat(result.problems().get(0).message(Language.EN)).contains("Customized Time Zone",
                "America/Toronto");
    }

    @Test
    void the_highest_sequence_of_a_uid_given_twice_wins() throws IOException {
        ImportResult result = importCase("42-duplicate-uid-sequence.ics");
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly(
                "Current version (SEQUENCE 2)", "Series current (SEQUENCE 2)", "Series current (SEQUENCE 2)");
        assertThat(starts(result)).containsExactly(at("2021-11-05T15:00:00Z"), at("2021-11-08T15:00:00Z"),
                at("2021-11-09T15:00:00Z"));
        assertThat(result.problems()).extracting(Problem::where, Problem::code).containsExactly(
                tuple("UID dup@example.org (line 12)", "event.duplicate"),
                tuple("UID dupr@example.org (line 28)", "event.duplicate"));
    }

    @Test
    void a_date_with_a_24_hour_duration_repeats_as_days() throws IOException {
        ImportResult result = importCase("43-date-duration-pt24h-rrule.ics");
        assertThat(result.problems()).isEmpty();
        assertThat(result.activities()).extracting(Activity::schedule).containsExactly(
                Schedule.Window.days(LocalDate.of(2021, 11, 5), LocalDate.of(2021, 11, 5), Region.EASTERN),
                Schedule.Window.days(LocalDate.of(2021, 11, 12), LocalDate.of(2021, 11, 12), Region.EASTERN),
                Schedule.Window.days(LocalDate.of(2021, 11, 19), LocalDate.of(2021, 11, 19), Region.EASTERN));
    }

    @Test
    void an_empty_geo_loses_only_itself() throws IOException {
        ImportResult result = importCase("44-empty-geo.ics");
        assertThat(starts(result)).containsExactly(at("2021-11-05T15:00:00Z"));
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity)
                .containsExactly(tuple("UID geo@example.org (line 8)", "event.bad-geo", Severity.WARNING));
    }

    @Test
    void an_impossible_date_is_refused_with_its_uid_and_line_never_moved() throws IOException {
        ImportResult result = importCase("45-impossible-date.ics");
        assertThat(result.activities()).isEmpty();
        assertThat(result.skipped()).isEqualTo(1);
        Problem problem = result.problems().get(0);
        assertThat(problem.where()).isEqualTo("UID feb30@example.org (line 8)");
        assertThat(problem.message(Language.EN)).contains("20211131", "30 days");
        assertThat(problem.message(Language.FR)).contains("20211131", "30 jours");
    }

    @Test
    void a_broken_vtimezone_that_no_event_uses_is_ignored_with_a_warning() throws IOException {
        ImportResult result = importCase("47-unused-broken-vtimezone.ics");
        assertThat(starts(result)).containsExactly(at("2021-11-05T15:00:00Z"));
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity)
                .containsExactly(tuple("line 4", "timezone.unreadable", Severity.WARNING));
    }

    @Test
    void an_iana_tzid_keeps_the_local_time_typed_when_the_file_carries_old_rules() throws IOException {
        ImportResult result = importCase("48-iana-tzid-outdated-vtimezone.ics");
        // 10:00 in Toronto on November 5, 2021 is still daylight time (UTC-4), whatever the file's pre-2007 rules say.
        assertThat(starts(result)).containsExactly(at("2021-11-05T14:00:00Z"));
        assertThat(result.problems()).extracting(Problem::where, Problem::code).containsExactly(
                tuple("UID old-rules@example.org (line 23)", "event.zone-rules-differ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"04-quoted-utc-offset-tzid.ics", "05b-no-summary-min.ics", "07-recurrence-id-utc.ics",
        "08-multiple-vcalendars-min.ics", "10-fold-inside-utf8.ics", "15-exdate-date-min.ics",
        "16-lowercase-names.ics", "40-date-with-tzid.ics", "41-tzid-not-iana.ics", "42-duplicate-uid-sequence.ics",
        "43-date-duration-pt24h-rrule.ics", "44-empty-geo.ics", "45-impossible-date.ics",
        "47-unused-broken-vtimezone.ics", "48-iana-tzid-outdated-vtimezone.ics"})
    void every_case_speaks_both_languages_names_no_java_type_and_imports_the_same_twice(String name)
            throws IOException {
        ImportResult first = importCase(name);
        for (Problem problem : first.problems()) {
            for (Language language : Language.values()) {
                assertThat(problem.format(language)).doesNotContainPattern("[A-Z][A-Za-z]*(Exception|Error)\\b")
                        .doesNotContain("activities[");
            }
            assertThat(problem.where()).matches("(UID .+ \\()?line \\d+\\)?");
        }
        assertThat(first.problems()).doesNotHaveDuplicates();
        try (InputStream in = RealFeedCasesTest.class.getResourceAsStream("/cases/ical-import/" + name)) {
            ImportResult second = new CalendarImporter(IcalSettings.defaults(), CLOCK).importFeed(in, TARGET,
                    first.activities());
            assertThat(second.changedAnything()).as(name).isFalse();
        }
    }
}
