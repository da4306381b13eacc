package org.jqsi.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IsoDateTimesTest {

    private static final List<String> DATES = List.of("2026-11-05", "2026-11-01", "2024-02-29", "2026-02-29",
            "2026-02-30", "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-31", "0000-01-01", "9999-12-31",
            "2026-1-05", "2026/11/05", "+2026-11-05", "+12026-11-05", "-0001-01-01", "２０２６-11-05", "2026-11-05 ",
            " 2026-11-05", "2026-11-5", "20261105", "", "2026-11-05T", "2026-11-0a");
    private static final List<String> TIMES = List.of("19:00", "00:00", "23:59", "24:00", "23:60", "19:00:00",
            "19:00:59", "19:00:60", "19:00:00.5", "19:00:00.123456789", "9:00", "19h00", "19:0", "19:00:", "1900",
            "19:00 ", "０9:00", "-1:00");

    @Test
    void reads_every_text_the_way_java_time_does() {
        List<String> texts = new ArrayList<>();
        for (String date : DATES) {
            for (String time : TIMES) {
                texts.add(date + "T" + time);
            }
            texts.add(date + "t19:00");
        }
        texts.addAll(mutations(texts, 20_000));
        for (String text : texts) {
            assertSame(text, IsoDateTimes::dateTime, LocalDateTime::parse);
            assertSame(text, IsoDateTimes::date, LocalDate::parse);
            assertSame(text, IsoDateTimes::time, LocalTime::parse);
        }
        for (String date : DATES) {
            assertSame(date, IsoDateTimes::date, LocalDate::parse);
        }
        for (String time : TIMES) {
            assertSame(time, IsoDateTimes::time, LocalTime::parse);
        }
    }

    @Test
    void the_daylight_saving_days_and_the_festival_read_as_written() {
        assertThat(IsoDateTimes.dateTime("2026-11-01T01:30")).isEqualTo(LocalDateTime.of(2026, 11, 1, 1, 30));
        assertThat(IsoDateTimes.dateTime("2026-03-08T02:30:15")).isEqualTo(LocalDateTime.of(2026, 3, 8, 2, 30, 15));
        assertThat(IsoDateTimes.date("2026-11-05")).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(IsoDateTimes.time("19:00")).isEqualTo(LocalTime.of(19, 0));
        assertThatThrownBy(() -> IsoDateTimes.dateTime("2026-02-30T19:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoDateTimes.time("24:00")).isInstanceOf(DateTimeException.class);
    }

    /** Texts like the given ones with one character replaced, dropped or doubled. */
    private static List<String> mutations(List<String> texts, int count) {
        Random random = new Random(20261105);
        String alphabet = "0123456789:-T.+ Z/9";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(texts.get(random.nextInt(texts.size())));
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < text.length()) {
                        text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
            }
            out.add(text.toString());
        }
        return out;
    }

    private static <T> void assertSame(String text, Function<String, T> fast, Function<String, T> javaTime) {
        T expected;
        try {
            expected = javaTime.apply(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> fast.apply(text)).as(text).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(fast.apply(text)).as(text).isEqualTo(expected);
    }
}
