package org.jqsi.web.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;

/**
 * Dates and times the way people write them: in French the Quebec way ("jeudi 12 novembre 2020, 16 h",
 * "19 h 30", "1er novembre"), in English the Canadian way ("Thursday, November 12, 2020, 4:00 p.m.").
 *
 * <p>The names of weekdays and months and English's "a.m."/"p.m." are taken from the formatters once, and the texts
 * put together from them: a page of 50 cards writes some 200 dates, and formatting each through
 * {@link DateTimeFormatter} cost more than the rest of a card's texts. Years outside 1000–9999 (which the formatters
 * would pad or sign) still go through the formatters; {@code DateTextsTest} compares both ways on every day and
 * minute of several years.
 */
final class DateTexts {

    private static final DateTexts FRENCH = new DateTexts(Language.FR);
    private static final DateTexts ENGLISH = new DateTexts(Language.EN);

    private final Language language;
    private final Locale locale;
    private final DateTimeFormatter weekday;
    private final DateTimeFormatter month;
    private final DateTimeFormatter englishDay;
    private final DateTimeFormatter englishShortDay;
    private final DateTimeFormatter englishTime;
    /** The names the formatters write, by {@code DayOfWeek.ordinal()} and {@code Month.ordinal()}. */
    private final String[] weekdays = new String[7];
    private final String[] months = new String[12];
    private final String[] englishWeekdays = new String[7];
    private final String[] englishMonths = new String[12];
    /** What {@code a} writes in the morning and in the afternoon ("a.m.", "p.m."). */
    private final String am;
    private final String pm;

    private DateTexts(Language language) {
        this.language = language;
        this.locale = language.locale();
        this.weekday = DateTimeFormatter.ofPattern("EEEE", locale);
        this.month = DateTimeFormatter.ofPattern("MMMM uuuu", locale);
        this.englishDay = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.CANADA);
        this.englishShortDay = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.CANADA);
        // CLDR's Canadian English writes "p.m.", as the Canadian Press does.
        this.englishTime = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMMM", locale);
        DateTimeFormatter englishWeekday = DateTimeFormatter.ofPattern("EEEE", Locale.CANADA);
        DateTimeFormatter englishMonth = DateTimeFormatter.ofPattern("MMMM", Locale.CANADA);
        for (DayOfWeek day : DayOfWeek.values()) {
            // 2021-11-01 was a Monday.
            LocalDate date = LocalDate.of(2021, 11, 1 + day.ordinal());
            weekdays[day.ordinal()] = weekday.format(date);
            englishWeekdays[day.ordinal()] = englishWeekday.format(date);
        }
        for (Month m : Month.values()) {
            LocalDate date = LocalDate.of(2021, m, 1);
            months[m.ordinal()] = monthName.format(date);
            englishMonths[m.ordinal()] = englishMonth.format(date);
        }
        DateTimeFormatter amPm = DateTimeFormatter.ofPattern("a", Locale.CANADA);
        this.am = amPm.format(LocalTime.of(9, 0));
        this.pm = amPm.format(LocalTime.of(21, 0));
    }

    /** Dates and times in a language. */
    public static DateTexts of(Language language) {
        return language == Language.EN ? ENGLISH : FRENCH;
    }

    /** A day with its weekday: "jeudi 12 novembre 2020", "Thursday, November 12, 2020". */
    public String day(LocalDate date) {
        if (language == Language.EN) {
            return plainYear(date) ? englishWeekdays[date.getDayOfWeek().ordinal()] + ", " + englishShortDay(date)
                    : englishDay.format(date);
        }
        return weekdays[date.getDayOfWeek().ordinal()] + " " + shortDay(date);
    }

    /** A day without its weekday: "12 novembre 2020", "November 12, 2020". */
    public String shortDay(LocalDate date) {
        if (language == Language.EN) {
            return plainYear(date) ? englishShortDay(date) : englishShortDay.format(date);
        }
        // The Quebec way writes the first of the month as an ordinal: "1er novembre".
        String dayOfMonth = date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return dayOfMonth + " " + (plainYear(date) ? months[date.getMonthValue() - 1] + " " + date.getYear()
                : month.format(date));
    }

    /** "November 12, 2020", for a {@link #plainYear}. */
    private String englishShortDay(LocalDate date) {
        return englishMonths[date.getMonthValue() - 1] + " " + date.getDayOfMonth() + ", " + date.getYear();
    }

    /** Whether {@code uuuu} writes the year as its four digits, nothing more. */
    private static boolean plainYear(LocalDate date) {
        return date.getYear() >= 1000 && date.getYear() <= 9999;
    }

    /** A time of day: "16 h", "19 h 30", "4:00 p.m.". */
    public String time(LocalTime time) {
        if (language == Language.EN) {
            int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
            return hour + (time.getMinute() < 10 ? ":0" : ":") + time.getMinute() + " "
                    + (time.getHour() < 12 ? am : pm);
        }
        return time.getMinute() == 0 ? time.getHour() + " h"
                : time.getHour() + " h " + (time.getMinute() < 10 ? "0" : "") + time.getMinute();
    }

    /** A day and a time: "jeudi 12 novembre 2020, 16 h", "Thursday, November 12, 2020, 4:00 p.m.". */
    public String dayAndTime(LocalDateTime dateTime) {
        return day(dateTime.toLocalDate()) + ", " + time(dateTime.toLocalTime());
    }

    /** The name of a zone when it is not Eastern time ("heure de l’Atlantique"), else {@code null}. */
    public String zoneNameUnlessEastern(ZoneId zone) {
        if (zone.getRules().equals(Region.EASTERN.getRules())) {
            return null;
        }
        return zone.getDisplayName(TextStyle.FULL, locale);
    }

    /**
     * The ISO 8601 form of a time with its offset, as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} writes it
     * ({@code 2021-11-12T19:30:00-05:00}), for {@code <time datetime>}: written digit by digit when it has no
     * fraction of a second, an offset in whole minutes and a four-digit year, else by the formatter.
     */
    static String isoOffset(ZonedDateTime time) {
        OffsetDateTime t = time.toOffsetDateTime();
        int offset = t.getOffset().getTotalSeconds();
        if (t.getNano() != 0 || offset % 60 != 0 || t.getYear() < 0 || t.getYear() > 9999) {
            return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        StringBuilder out = new StringBuilder(25);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2);
        if (offset == 0) {
            return out.append('Z').toString();
        }
        out.append(offset < 0 ? '-' : '+');
        int minutes = Math.abs(offset) / 60;
        digits(out, minutes / 60, 2).append(':');
        return digits(out, minutes % 60, 2).toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
