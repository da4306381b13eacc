package org.jqsi.sheets.internal;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as organisers type them into a spreadsheet, in French or English:
 *
 * <ul>
 *   <li>ISO 8601: {@code 2021-11-12 16:00}, {@code 2021-11-12T16:00}, {@code 2021/11/12};
 *   <li>numbers, <b>day first</b>, as French and Canadian usage writes them: {@code 12/11/2021} is November 12
 *       ({@code 12-11-2021} and {@code 12.11.2021} too). A date whose second number cannot be a month
 *       ({@code 11/13/2021}) is refused, saying that the day comes first, rather than read month first: a date that
 *       is read wrong is worse than one that is refused. Years have four digits ({@code 12/11/21} could be 2012);
 *   <li>months by name: {@code 12 novembre 2021}, {@code vendredi 12 nov. 2021}, {@code 1er novembre},
 *       {@code November 12, 2021}, {@code Fri, Nov 12 2021}, {@code 12 November 2021}; a day of the week, when given,
 *       must be the date's;
 *   <li>times in 24 hours, French style ({@code 16 h}, {@code 16h30}, {@code 16 h 30}) or with a colon
 *       ({@code 16:00}, {@code 16:00:00}), or in 12 hours ({@code 4:00 PM}, {@code 4 p.m.}, {@code 12 PM} is noon),
 *       after the date (with {@code à} or {@code at} between them, or not) or alone;
 *   <li>a date with no year ({@code 12 novembre}, {@code 12/11}) is in the edition's year.
 * </ul>
 *
 * <p>Spreadsheet date cells are not text and do not come here ({@link XlsxSheet}).
 */
final class WrittenDates {

    /**
     * A date, a time, or both.
     *
     * @param date the day, or {@code null} when only a time was written
     * @param time the time of day, or {@code null} when only a date was written
     */
    record Moment(LocalDate date, LocalTime time) {
    }

    /** Text that is not a date or time, with the message code and arguments that say why. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final transient Object[] args;

        Unreadable(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }

        String code() {
            return code;
        }

        Object[] args() {
            return args;
        }
    }

    private static final String AM_PM = "(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)";
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})\\s*h\\s*(\\d{2})?(?:\\s*min)?"
            + "|(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*" + AM_PM + "?"
            + "|(\\d{1,2})\\s*" + AM_PM);
    private static final Pattern TIME_AT_END = Pattern.compile("(?:^|(?<=[\\s,t]))(?:" + TIME.pattern() + ")$");
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})(?:[-/.](\\d+))?");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(\\d{1,2})(?:er|re|e|st|nd|rd|th)?\\s+([a-z]+)\\.?,?(?:\\s+(\\d+))?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+(\\d+))?");
    private static final Pattern WEEKDAY = Pattern.compile("([a-z]+)\\.?,?\\s+(?=\\d|[a-z]+\\.?\\s+\\d)");
    private static final Pattern CONNECTOR = Pattern.compile("(?:[\\s,]+|\\s+(?:a|at|des|de|from|@)\\s*)$");

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    static {
        String[][] months = {
            {"janvier", "janv", "january", "jan"}, {"fevrier", "fevr", "fev", "february", "feb"},
            {"mars", "march", "mar"}, {"avril", "avr", "april", "apr"}, {"mai", "may"},
            {"juin", "june", "jun"}, {"juillet", "juil", "july", "jul"}, {"aout", "august", "aug"},
            {"septembre", "sept", "sep", "september"}, {"octobre", "oct", "october"},
            {"novembre", "nov", "november"}, {"decembre", "dec", "december"}};
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                MONTHS.put(name, i + 1);
            }
        }
        String[][] days = {
            {"lundi", "lun", "monday", "mon"}, {"mardi", "mar", "tuesday", "tue", "tues"},
            {"mercredi", "mer", "wednesday", "wed"}, {"jeudi", "jeu", "thursday", "thu", "thurs"},
            {"vendredi", "ven", "friday", "fri"}, {"samedi", "sam", "saturday", "sat"},
            {"dimanche", "dim", "sunday", "sun"}};
        for (int i = 0; i < days.length; i++) {
            for (String name : days[i]) {
                WEEKDAYS.put(name, DayOfWeek.of(i + 1));
            }
        }
    }

    private static final Set<String> TO_BE_ANNOUNCED = Set.of("a confirmer", "a venir", "a determiner",
            "a annoncer", "date a confirmer", "date a venir", "date a determiner", "dates a confirmer",
            "dates a venir", "dates a determiner", "tba", "tbd", "to be announced", "to be confirmed",
            "to be determined", "date to be announced", "dates to be announced");

    private WrittenDates() {
    }

    /** Whether the text says the date is not known yet: « à confirmer », « à venir », "TBA", "to be announced"… */
    static boolean isToBeAnnounced(String text) {
        return TO_BE_ANNOUNCED.contains(normalize(text).replaceAll("[^a-z ]+", " ").replaceAll("\\s+", " ").strip());
    }

    /**
     * A date, a time or both, as written.
     *
     * @param defaultYear the year of a date written without one
     * @throws Unreadable when it is none of the forms above, or names a day that does not exist
     */
    static Moment parse(String text, int defaultYear) throws Unreadable {
        String s = normalize(text);
        Matcher time = TIME_AT_END.matcher(s);
        LocalTime clock = null;
        String datePart = s;
        if (time.find()) {
            clock = time(time, text);
            datePart = s.substring(0, time.start());
            // "2021-11-12t16:00": the T of ISO 8601 is eaten with the time's separator.
            if (datePart.endsWith("t") && ISO.matcher(datePart.substring(0, datePart.length() - 1)).matches()) {
                datePart = datePart.substring(0, datePart.length() - 1);
            }
            datePart = CONNECTOR.matcher(datePart).replaceFirst("").strip();
        }
        if (datePart.isEmpty()) {
            if (clock == null) {
                throw new Unreadable("date.unreadable", text.strip());
            }
            return new Moment(null, clock);
        }
        return new Moment(date(datePart, text.strip(), defaultYear), clock);
    }

    /** A time of day alone ({@code 16 h}, {@code 4:30 PM}). */
    static LocalTime parseTime(String text) throws Unreadable {
        Matcher time = TIME.matcher(normalize(text));
        if (!time.matches()) {
            throw new Unreadable("time.unreadable", text.strip());
        }
        return time(time, text);
    }

    private static LocalTime time(Matcher m, String text) throws Unreadable {
        int hour;
        int minute = 0;
        int second = 0;
        String amPm;
        if (m.group(1) != null) {
            hour = Integer.parseInt(m.group(1));
            minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            amPm = null;
        } else if (m.group(3) != null) {
            hour = Integer.parseInt(m.group(3));
            minute = Integer.parseInt(m.group(4));
            second = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            amPm = m.group(6);
        } else {
            hour = Integer.parseInt(m.group(7));
            amPm = m.group(8);
        }
        if (amPm != null) {
            if (hour < 1 || hour > 12) {
                throw new Unreadable("time.twelve-hours", text.strip());
            }
            boolean pm = amPm.startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new Unreadable("time.impossible", text.strip());
        }
        return LocalTime.of(hour, minute, second);
    }

    private static LocalDate date(String s, String text, int defaultYear) throws Unreadable {
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    text);
        }
        m = DAY_FIRST.matcher(s);
        if (m.matches()) {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int year = year(m.group(3), defaultYear, text);
            if (month > 12 && day <= 12) {
                throw new Unreadable("date.month-first", text, Integer.toString(month),
                        String.format("%02d/%02d/%d", month, day, year), String.format("%d-%02d-%02d", year, day,
                                month));
            }
            return day(year, month, day, text);
        }
        String rest = s.startsWith("le ") ? s.substring(3) : s;
        DayOfWeek weekday = null;
        Matcher w = WEEKDAY.matcher(rest);
        if (w.lookingAt() && WEEKDAYS.containsKey(w.group(1)) && !MONTHS.containsKey(w.group(1))) {
            weekday = WEEKDAYS.get(w.group(1));
            rest = rest.substring(w.end());
            if (rest.startsWith("le ")) {
                rest = rest.substring(3);
            }
        }
        LocalDate date = null;
        m = DAY_MONTH.matcher(rest);
        if (m.matches() && MONTHS.containsKey(m.group(2))) {
            date = day(year(m.group(3), defaultYear, text), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)),
                    text);
        } else {
            m = MONTH_DAY.matcher(rest);
            if (m.matches() && MONTHS.containsKey(m.group(1))) {
                date = day(year(m.group(3), defaultYear, text), MONTHS.get(m.group(1)),
                        Integer.parseInt(m.group(2)), text);
            }
        }
        if (date == null) {
            throw new Unreadable("date.unreadable", text);
        }
        if (weekday != null && date.getDayOfWeek() != weekday) {
            throw new Unreadable("date.wrong-weekday", text,
                    DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.CANADA_FRENCH).format(date),
                    DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.CANADA).format(date));
        }
        return date;
    }

    private static int year(String written, int defaultYear, String text) throws Unreadable {
        if (written == null) {
            return defaultYear;
        }
        if (written.length() != 4) {
            throw new Unreadable("date.short-year", text);
        }
        return Integer.parseInt(written);
    }

    private static LocalDate day(int year, int month, int day, String text) throws Unreadable {
        if (month < 1 || month > 12) {
            throw new Unreadable("date.no-such-month", text, Integer.toString(month));
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new Unreadable("date.no-such-day", text, Integer.toString(day),
                    Integer.toString(YearMonth.of(year, month).lengthOfMonth()));
        }
    }

    /** Lower case, no accents, one space between words, non-breaking spaces included. */
    private static String normalize(String text) {
        String lower = text.replace('\u00A0', ' ').replace('\u202F', ' ').toLowerCase(Locale.ROOT);
        String bare = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.replace('–', '-').replace('—', '-').replaceAll("\\s+", " ").strip();
    }
}
