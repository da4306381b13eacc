package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jqsi.ical.Feeds.at;
import static org.jqsi.ical.Feeds.calendar;
import static org.jqsi.ical.Feeds.event;
import static org.jqsi.ical.Feeds.importBytes;
import static org.jqsi.ical.Feeds.importText;
import static org.jqsi.ical.Feeds.starts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text layer loses nothing (RFC 5545 §3.1): folds undone on octets, any line end, names of any case, every
 * {@code VCALENDAR} of a stream.
 */
class FeedTextImportTest {

    private static final String TITLE = "Soirée des réfugiés € \uD83C\uDF89 fin";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
        27, 28, 29, 30, 31, 32, 33})
    void a_fold_after_any_octet_of_a_title_gives_back_the_same_title(int cut) throws IOException {
        byte[] summary = ("SUMMARY:" + TITLE).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream feed = new ByteArrayOutputStream();
        feed.writeBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:f@x\r\nDTSTART:20211105T150000Z\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        int at = Math.min(summary.length - 1, "SUMMARY:".length() + cut);
        feed.write(summary, 0, at);
        feed.writeBytes("\r\n ".getBytes(StandardCharsets.US_ASCII));
        feed.write(summary, at, summary.length - at);
        feed.writeBytes("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII));
        ImportResult result = importBytes(feed.toByteArray(), List.of());
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly(TITLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\r\n"})
    void any_line_end_and_a_byte_order_mark_are_read(String end) throws IOException {
        String text = "\uFEFF" + calendar(event("UID:e@x", "SUMMARY:Quiz", "DTSTART:20211105T150000Z"))
                .replace("\r\n", end);
        assertThat(starts(importText(text))).containsExactly(at("2021-11-05T15:00:00Z"));
    }

    @Test
    void names_of_properties_parameters_and_components_are_case_insensitive() throws IOException {
        String text = "begin:vcalendar\r\nVersion:2.0\r\nBegin:VEvent\r\nuid:l@x\r\nsummary:Quiz\r\n"
                + "dtstart;tzid=America/Halifax:20211105T190000\r\nDtEnd;Tzid=America/Halifax:20211105T200000\r\n"
                + "rrule:freq=daily;count=2\r\nexdate;value=date:20211106\r\nEnd:VEvent\r\nend:VCALENDAR\r\n";
        ImportResult result = importText(text);
        assertThat(result.problems()).isEmpty();
        assertThat(starts(result)).containsExactly(at("2021-11-05T22:00:00Z"));
    }

    @Test
    void every_calendar_of_a_stream_is_read_each_with_its_own_zone() throws IOException {
        String text = calendar("X-WR-TIMEZONE:America/Halifax", event("UID:a@x", "SUMMARY:A",
                "DTSTART:20211105T190000"))
                + calendar("X-WR-TIMEZONE:America/Vancouver", event("UID:b@x", "SUMMARY:B", "DTSTART:20211105T190000"));
        ImportResult result = importText(text);
        assertThat(result.activities()).extracting(a -> a.title().fr()).containsExactly("A", "B");
        assertThat(starts(result)).containsExactly(at("2021-11-05T22:00:00Z"), at("2021-11-06T02:00:00Z"));
    }

    @Test
    void text_outside_any_calendar_is_reported_not_silently_dropped() throws IOException {
        String text = calendar(event("UID:a@x", "SUMMARY:A", "DTSTART:20211105T190000Z")) + "trailing garbage\r\n";
        ImportResult result = importText(text);
        assertThat(result.activities()).hasSize(1);
        assertThat(result.problems()).extracting(Problem::where, Problem::code, Problem::severity)
                .containsExactly(tuple("line 11", "feed.outside-calendar", Severity.WARNING));
    }
}
