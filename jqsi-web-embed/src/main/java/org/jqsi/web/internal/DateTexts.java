package org.jqsi.web.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;

/**
 * Dates and times the way people write them: in French the Quebec way ("jeudi 12 novembre 2020, 16 h",
 * "19 h 30", "1er novembre"), in English the Canadian way ("Thursday, November 12, 2020, 4:00 p.m.").
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

    private DateTexts(Language language) {
        this.language = language;
        this.locale = language.locale();
        this.weekday = DateTimeFormatter.ofPattern("EEEE", locale);
        this.month = DateTimeFormatter.ofPattern("MMMM uuuu", locale);
        this.englishDay = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.CANADA);
        this.englishShortDay = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.CANADA);
        // CLDR's Canadian English writes "p.m.", as the Canadian Press does.
        this.englishTime = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);
    }

    /** Dates and times in a language. */
    public static DateTexts of(Language language) {
        return language == Language.EN ? ENGLISH : FRENCH;
    }

    /** A day with its weekday: "jeudi 12 novembre 2020", "Thursday, November 12, 2020". */
    public String day(LocalDate date) {
        if (language == Language.EN) {
            return englishDay.format(date);
        }
        return weekday.format(date) + " " + shortDay(date);
    }

    /** A day without its weekday: "12 novembre 2020", "November 12, 2020". */
    public String shortDay(LocalDate date) {
        if (language == Language.EN) {
            return englishShortDay.format(date);
        }
        // The Quebec way writes the first of the month as an ordinal: "1er novembre".
        String dayOfMonth = date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return dayOfMonth + " " + month.format(date);
    }

    /** A time of day: "16 h", "19 h 30", "4:00 p.m.". */
    public String time(LocalTime time) {
        if (language == Language.EN) {
            return englishTime.format(time);
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
}
