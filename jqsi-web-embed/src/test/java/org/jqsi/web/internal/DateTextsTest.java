package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

class DateTextsTest {

    private final DateTexts fr = DateTexts.of(Language.FR);
    private final DateTexts en = DateTexts.of(Language.EN);

    @Test
    void frenchTheQuebecWay() {
        assertThat(fr.dayAndTime(LocalDateTime.of(2020, 11, 12, 16, 0))).isEqualTo("jeudi 12 novembre 2020, 16 h");
        assertThat(fr.time(LocalTime.of(19, 30))).isEqualTo("19 h 30");
        assertThat(fr.time(LocalTime.of(9, 5))).isEqualTo("9 h 05");
        assertThat(fr.time(LocalTime.MIDNIGHT)).isEqualTo("0 h");
        assertThat(fr.day(LocalDate.of(2021, 11, 1))).isEqualTo("lundi 1er novembre 2021");
        assertThat(fr.shortDay(LocalDate.of(2020, 11, 13))).isEqualTo("13 novembre 2020");
    }

    @Test
    void englishTheCanadianWay() {
        assertThat(en.dayAndTime(LocalDateTime.of(2020, 11, 12, 16, 0)))
                .isEqualTo("Thursday, November 12, 2020, 4:00 p.m.");
        assertThat(en.time(LocalTime.of(9, 5))).isEqualTo("9:05 a.m.");
        assertThat(en.day(LocalDate.of(2021, 11, 1))).isEqualTo("Monday, November 1, 2021");
    }

    @Test
    void namesZonesOtherThanEasternTime() {
        assertThat(fr.zoneNameUnlessEastern(ZoneId.of("America/Toronto"))).isNull();
        assertThat(fr.zoneNameUnlessEastern(ZoneId.of("America/Montreal"))).isNull();
        assertThat(fr.zoneNameUnlessEastern(ZoneId.of("America/Halifax"))).isEqualTo("heure de l’Atlantique");
        assertThat(en.zoneNameUnlessEastern(ZoneId.of("America/Blanc-Sablon"))).isNotBlank();
    }

    /**
     * The texts put together from the names (for speed) are the formatters' texts, on every day of 2019–2024, a few
     * odd years, and every minute of a day.
     */
    @Test
    void sameTextsAsTheFormatters() {
        DateTimeFormatter frWeekday = DateTimeFormatter.ofPattern("EEEE", Locale.CANADA_FRENCH);
        DateTimeFormatter frMonth = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.CANADA_FRENCH);
        DateTimeFormatter enDay = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.CANADA);
        DateTimeFormatter enShortDay = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.CANADA);
        DateTimeFormatter enTime = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);
        for (LocalDate date = LocalDate.of(2019, 1, 1); date.getYear() < 2025; date = date.plusDays(1)) {
            sameDay(date, frWeekday, frMonth, enDay, enShortDay);
        }
        for (LocalDate date : new LocalDate[] {LocalDate.of(999, 3, 1), LocalDate.of(1000, 1, 1),
                LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(-5, 6, 1)}) {
            sameDay(date, frWeekday, frMonth, enDay, enShortDay);
        }
        for (LocalTime time = LocalTime.MIDNIGHT; ; time = time.plusMinutes(1)) {
            assertThat(en.time(time)).isEqualTo(enTime.format(time));
            if (time.equals(LocalTime.of(23, 59))) {
                break;
            }
        }
    }

    private void sameDay(LocalDate date, DateTimeFormatter frWeekday, DateTimeFormatter frMonth,
            DateTimeFormatter enDay, DateTimeFormatter enShortDay) {
        String frShort = (date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth())) + " "
                + frMonth.format(date);
        assertThat(fr.shortDay(date)).isEqualTo(frShort);
        assertThat(fr.day(date)).isEqualTo(frWeekday.format(date) + " " + frShort);
        assertThat(en.shortDay(date)).isEqualTo(enShortDay.format(date));
        assertThat(en.day(date)).isEqualTo(enDay.format(date));
    }

    /** {@code <time datetime>} as {@code ISO_OFFSET_DATE_TIME} writes it, written faster where it can be. */
    @Test
    void isoOffsetAsTheFormatterWritesIt() {
        ZoneId[] zones = {ZoneId.of("America/Toronto"), ZoneId.of("America/Halifax"), ZoneId.of("America/St_Johns"),
            ZoneOffset.UTC, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3), ZoneOffset.ofHours(-12), ZoneOffset.ofHours(14)};
        ZonedDateTime[] times = {ZonedDateTime.of(2021, 11, 7, 1, 30, 0, 0, ZoneOffset.UTC),
            ZonedDateTime.of(2021, 3, 14, 2, 30, 0, 0, ZoneOffset.UTC),
            ZonedDateTime.of(2020, 11, 12, 19, 5, 9, 0, ZoneOffset.UTC),
            ZonedDateTime.of(2020, 11, 12, 19, 5, 9, 120_000_000, ZoneOffset.UTC),
            ZonedDateTime.of(999, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
            ZonedDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
            ZonedDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            ZonedDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)};
        for (ZonedDateTime time : times) {
            for (ZoneId zone : zones) {
                for (int hours = 0; hours < 48; hours++) {
                    ZonedDateTime t = time.plusHours(hours).withZoneSameInstant(zone);
                    assertThat(DateTexts.isoOffset(t)).isEqualTo(t.toOffsetDateTime()
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                }
            }
        }
    }
}
