package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jqsi.ical.Feeds.at;
import static org.jqsi.ical.Feeds.calendar;
import static org.jqsi.ical.Feeds.event;
import static org.jqsi.ical.Feeds.importText;
import static org.jqsi.ical.Feeds.starts;

import java.io.IOException;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One bad or missing part of an event loses only itself; descriptions become text. */
class EventPartsImportTest {

    private static Activity one(String... lines) throws IOException {
        ImportResult result = importText(calendar(event(lines)));
        assertThat(result.activities()).hasSize(1);
        return result.activities().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
        "Conf&eacute;rence sur l&#39;&#233;galit&#xE9; | Conférence sur l'égalité",
        "<p>Entrée <b>libre</b></p><p>Bienvenue</p> | Entrée libre\\n\\nBienvenue",
        "<a title=\"a>b\" href=\"https://x.example\">Inscription</a> ici | Inscription ici",
        "Ligne 1<br>Ligne 2<br/>Ligne&nbsp;3 | Ligne 1\\nLigne 2\\nLigne 3",
        "Pas de HTML: a < b et c > d | Pas de HTML: a < b et c > d",
        "<ul><li>un</li><li>deux</li></ul> | un\\ndeux",
    })
    void html_in_a_description_becomes_text_with_every_entity_decoded(String description, String text)
            throws IOException {
        Activity activity = one("UID:h@x", "SUMMARY:H", "DTSTART:20211105T150000Z",
                "DESCRIPTION:" + description.replace(",", "\\,").replace(";", "\\;"));
        assertThat(activity.description().fr()).isEqualTo(text.replace("\\n", "\n"));
    }

    @Test
    void an_html_alternative_description_is_used_when_there_is_no_plain_one() throws IOException {
        Activity activity = one("UID:h@x", "SUMMARY:H", "DTSTART:20211105T150000Z",
                "X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Soir&eacute;e <i>solidaire</i></p></body></html>");
        assertThat(activity.description().fr()).isEqualTo("Soirée solidaire");
    }

    @Test
    void characters_that_some_readers_take_for_line_ends_become_line_ends() throws IOException {
        Activity activity = one("UID:h@x", "SUMMARY:H", "DTSTART:20211105T150000Z",
                "DESCRIPTION:un\u2028deux\u2029trois\u0085quatre");
        assertThat(activity.description().fr()).isEqualTo("un\ndeux\ntrois\nquatre");
    }

    @Test
    void an_event_without_summary_or_description_gets_a_bilingual_placeholder() throws IOException {
        Activity activity = one("UID:n@x", "DTSTART:20211105T150000Z");
        assertThat(activity.title().fr()).isEqualTo("Activité sans titre");
        assertThat(activity.title().en()).isEqualTo("Untitled activity");
    }

    @Test
    void an_event_without_uid_gets_a_stable_one_and_a_second_import_changes_nothing() throws IOException {
        String feed = calendar(event("SUMMARY:Sans UID", "DTSTART:20211105T150000Z"),
                event("SUMMARY:Autre", "DTSTART:20211106T150000Z"));
        ImportResult first = importText(feed);
        assertThat(first.activities()).hasSize(2);
        assertThat(first.problems()).extracting(Problem::where, Problem::code, Problem::severity).containsExactly(
                tuple("line 4", "event.uid-missing", Severity.WARNING),
                tuple("line 9", "event.uid-missing", Severity.WARNING));
        ImportResult second = importText(feed, first.activities());
        assertThat(second.changedAnything()).isFalse();
        assertThat(second.activities()).isEqualTo(first.activities());
    }

    @Test
    void a_bad_geo_is_dropped_alone() throws IOException {
        Activity activity = one("UID:g@x", "SUMMARY:G", "DTSTART:20211105T150000Z", "LOCATION:Salle 2\\, Québec",
                "GEO:north;east");
        assertThat(activity.place().venuePart().orElseThrow().geo()).isNull();
        assertThat(activity.place().venuePart().orElseThrow().name()).isEqualTo("Salle 2");
    }

    @Test
    void a_title_longer_than_a_program_accepts_is_refused_with_its_uid_and_line() throws IOException {
        ImportResult result = importText(calendar(event("UID:long@x", "DTSTART:20211105T150000Z",
                "SUMMARY:" + "a".repeat(30_000)), event("UID:ok@x", "SUMMARY:ok", "DTSTART:20211105T150000Z")));
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("ok");
        assertThat(result.problems()).extracting(Problem::where, Problem::code)
                .containsExactly(tuple("UID long@x (line 8)", "event.title-too-long"));
        assertThat(result.problems().get(0).message(Language.FR)).contains("30000", "20000");
    }

    @Test
    void an_end_before_the_start_across_zones_is_compared_as_instants() throws IOException {
        // 19:00 in Vancouver is 22:00 in Toronto: an end at 21:00 Toronto is before it.
        ImportResult result = importText(calendar(event("UID:e@x", "SUMMARY:E",
                "DTSTART;TZID=America/Vancouver:20211105T190000", "DTEND;TZID=America/Toronto:20211105T210000")));
        assertThat(result.activities()).isEmpty();
        assertThat(result.problems()).extracting(Problem::code).containsExactly("event.end-before-start");
        ImportResult fine = importText(calendar(event("UID:e@x", "SUMMARY:E",
                "DTSTART;TZID=America/Vancouver:20211105T190000", "DTEND;TZID=America/Toronto:20211105T230000")));
        assertThat(starts(fine)).containsExactly(at("2021-11-06T02:00:00Z"));
        assertThat(fine.activities().get(0).schedule().endsAt().orElseThrow().toInstant())
                .isEqualTo(at("2021-11-06T03:00:00Z"));
    }

    @Test
    void a_line_that_is_not_a_content_line_inside_an_event_loses_only_itself() throws IOException {
        ImportResult result = importText(calendar(event("UID:b@x", "SUMMARY:B", "LAST_MODIFIED:20211001T000000Z",
                "ATTENDEE;CN=\"unterminated:mailto:a@x", "DTSTART:20211105T150000Z"),
                event("UID:c@x", "SUMMARY:C", "DTSTART:20211106T150000Z")));
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("B", "C");
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity)
                .containsExactly(tuple("line 9", "feed.unreadable-line", Severity.WARNING));
    }

    @Test
    void an_end_that_cannot_be_read_loses_only_itself() throws IOException {
        ImportResult result = importText(calendar(event("UID:e@x", "SUMMARY:E", "DTSTART:20211105T150000Z",
                "DTEND:"), event("UID:f@x", "SUMMARY:F", "DTSTART:20211105T150000Z", "DURATION:bogus")));
        assertThat(starts(result)).containsExactly(at("2021-11-05T15:00:00Z"), at("2021-11-05T15:00:00Z"));
        assertThat(result.activities()).allSatisfy(a -> assertThat(a.schedule().endsAt()).isEmpty());
        assertThat(result.problems()).extracting(Problem::where, Problem::code).containsExactly(
                tuple("UID e@x (line 9)", "event.bad-end"), tuple("UID f@x (line 16)", "event.bad-end"));
    }

    @Test
    void a_date_written_with_a_z_is_that_date() throws IOException {
        ImportResult result = importText(calendar(event("UID:bd@x", "SUMMARY:Anniversaire",
                "DTSTART;VALUE=DATE:20211105", "RDATE;VALUE=DATE:20211112Z")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.activities()).hasSize(2);
    }
}
