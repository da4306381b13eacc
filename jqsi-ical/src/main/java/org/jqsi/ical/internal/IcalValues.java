package org.jqsi.ical.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.LocalizedText;

/**
 * Property values of RFC 5545 §3.3, read strictly: a date that does not exist (November 31) is refused, never moved
 * to another day, and nothing is guessed.
 */
final class IcalValues {

    /** A value that does not have its type's form, and why, in French and English. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient LocalizedText reason;

        BadValue(LocalizedText reason) {
            super(reason.en());
            this.reason = reason;
        }

        LocalizedText reason() {
            return reason;
        }
    }

    /**
     * A DATE or DATE-TIME value (RFC 5545 §3.3.4, §3.3.5).
     *
     * @param date the day, for a DATE; {@code null} for a DATE-TIME
     * @param time the local date-time, for a DATE-TIME; {@code null} for a DATE
     * @param utc whether a DATE-TIME ends with {@code Z}
     */
    record When(LocalDate date, LocalDateTime time, boolean utc) {

        boolean isDate() {
            return date != null;
        }

        LocalDate day() {
            return date != null ? date : time.toLocalDate();
        }
    }

    /**
     * A DURATION value (RFC 5545 §3.3.6): days and weeks are nominal (a day is a calendar day, 23 or 25 hours when
     * the clocks change), hours, minutes and seconds are exact.
     */
    record Span(int days, long seconds) {

        boolean isWholeDays() {
            return seconds % 86_400 == 0;
        }
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(Z?)");
    private static final Pattern DURATION = Pattern.compile(
            "([+-])?P(?:(\\d+)W|(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?)");
    private static final Pattern GEO = Pattern.compile("([+-]?\\d{1,3}(?:\\.\\d+)?);([+-]?\\d{1,3}(?:\\.\\d+)?)");

    private IcalValues() {
    }

    /** A DATE ({@code 20211105}) or a DATE-TIME ({@code 20211105T190000}, {@code 20211105T230000Z}). */
    static When when(String raw) throws BadValue {
        String value = raw.strip();
        // A date with a Z (Google's birthdays calendar writes RDATE:20131210Z) is the date: ical.js reads it so.
        Matcher date = DATE.matcher(value.endsWith("Z") && value.length() == 9 ? value.substring(0, 8) : value);
        if (date.matches()) {
            return new When(day(value, date), null, false);
        }
        Matcher dateTime = DATE_TIME.matcher(value);
        if (dateTime.matches()) {
            LocalDate day = day(value, dateTime);
            int hour = Integer.parseInt(dateTime.group(4));
            int minute = Integer.parseInt(dateTime.group(5));
            int second = Integer.parseInt(dateTime.group(6));
            if (hour > 23 || minute > 59 || second > 60) {
                throw new BadValue(IcalMessages.text("value.no-such-time", value));
            }
            // RFC 5545 allows a leap second (60); java.time has none: the last second of the minute.
            LocalTime time = LocalTime.of(hour, minute, Math.min(second, 59));
            return new When(null, LocalDateTime.of(day, time), !dateTime.group(7).isEmpty());
        }
        throw new BadValue(IcalMessages.text("value.not-a-date", value));
    }

    private static LocalDate day(String value, Matcher matcher) throws BadValue {
        int year = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        int day = Integer.parseInt(matcher.group(3));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new BadValue(month >= 1 && month <= 12
                    ? IcalMessages.text("value.no-such-day", value, YearMonth.of(year, month).lengthOfMonth())
                    : IcalMessages.text("value.no-such-month", value, month));
        }
    }

    /** A DURATION ({@code PT1H30M}, {@code P1D}, {@code -PT15M}). */
    static Span span(String raw) throws BadValue {
        String value = raw.strip();
        Matcher m = DURATION.matcher(value);
        if (!m.matches() || value.endsWith("P") || value.endsWith("T")) {
            throw new BadValue(IcalMessages.text("value.not-a-duration", value));
        }
        try {
            int sign = "-".equals(m.group(1)) ? -1 : 1;
            int days = m.group(2) != null ? Math.multiplyExact(Integer.parseInt(m.group(2)), 7)
                    : m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
            long seconds = number(m.group(4)) * 3_600 + number(m.group(5)) * 60 + number(m.group(6));
            return new Span(sign * days, sign * seconds);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadValue(IcalMessages.text("value.duration-too-long", value));
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** A GEO value ({@code 46.3432;-72.5477}), or {@code null} when it is not one. */
    static double[] geo(String raw) {
        Matcher m = GEO.matcher(raw.strip());
        if (!m.matches()) {
            return null;
        }
        double latitude = Double.parseDouble(m.group(1));
        double longitude = Double.parseDouble(m.group(2));
        return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? new double[] {latitude, longitude} : null;
    }

    /** A TEXT value with its escapes undone (RFC 5545 §3.3.11); a backslash before anything else is kept. */
    static String text(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(i + 1);
                switch (next) {
                    case 'n', 'N' -> out.append('\n');
                    case '\\', ';', ',' -> out.append(next);
                    default -> {
                        out.append(c);
                        continue;
                    }
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A list value: the parts between commas that are not escaped, each as written. */
    static List<String> list(String raw) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ',') {
                parts.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(raw.substring(start));
        return parts;
    }
}
