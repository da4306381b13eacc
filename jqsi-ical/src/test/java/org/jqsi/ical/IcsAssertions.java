package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.ValidationWarnings;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationEntry;
import net.fortuna.ical4j.validate.ValidationResult;

/** Checks that every exported calendar must pass, whoever reads it. */
final class IcsAssertions {

    private IcsAssertions() {
    }

    /**
     * CRLF line ends only, no line over 75 octets, no UTF-8 sequence split across a fold, and continuation lines
     * that start with a space.
     */
    static void assertWellFolded(String ics) throws CharacterCodingException {
        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        int start = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                int length = i - start;
                assertThat(length).as("octets in line starting at byte %d", start).isLessThanOrEqualTo(75);
                // Each physical line on its own must be valid UTF-8: a fold inside a character would break it.
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, length));
                start = i + 2;
            }
        }
    }

    /** The calendar as iCal4j reads it, after checking that iCal4j's validation finds no error. */
    static Calendar assertValidForIcal4j(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult result = calendar.validate();
        List<ValidationEntry> errors = new ArrayList<>();
        for (ValidationEntry entry : result.getEntries()) {
            if (entry.getSeverity() == ValidationEntry.Severity.ERROR) {
                errors.add(entry);
            }
        }
        assertThat(errors).as("iCal4j validation errors").isEmpty();
        return calendar;
    }

    /** The calendar as biweekly (an independent parser) reads it, after checking that it finds nothing wrong. */
    static ICalendar assertValidForBiweekly(String ics) {
        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertThat(calendars).hasSize(1);
        ICalendar calendar = calendars.get(0);
        ValidationWarnings warnings = calendar.validate(ICalVersion.V2_0);
        assertThat(warnings.isEmpty()).as("biweekly validation: %s", warnings).isTrue();
        return calendar;
    }

    /**
     * A calendar of no event as biweekly reads it, after checking that it parses without a warning and that the only
     * thing its validation finds is "no component" (its warning 4): biweekly keeps {@code VTIMEZONE}s apart from the
     * components it counts ({@link ICalendar#getTimezoneInfo()}), where RFC 5545 §3.6 counts a {@code timezonec}
     * among them, as iCal4j does.
     */
    static ICalendar assertReadByBiweeklyWithoutEvents(String ics) {
        List<List<biweekly.io.ParseWarning>> parsing = new ArrayList<>();
        List<ICalendar> calendars = Biweekly.parse(ics).warnings(parsing).all();
        assertThat(calendars).hasSize(1);
        assertThat(parsing).allSatisfy(warnings -> assertThat(warnings).as("biweekly parse warnings").isEmpty());
        ICalendar calendar = calendars.get(0);
        assertThat(calendar.validate(ICalVersion.V2_0).getWarnings())
                .flatExtracting(ValidationWarnings.WarningsGroup::getWarnings)
                .extracting(biweekly.ValidationWarning::getCode).containsExactly(4);
        return calendar;
    }

    /**
     * The instant of a date-time as biweekly reads it: its local date-time and its TZID, resolved with java.time.
     * biweekly's own conversion ({@code getValue().toInstant()}) puts the daylight-saving change a few hours early
     * (from 9 p.m. the evening before, in Toronto), so it is not used for times near a change.
     */
    static java.time.Instant instantOf(ICalendar calendar, biweekly.property.DateOrDateTimeProperty property) {
        biweekly.util.DateTimeComponents raw = property.getValue().getRawComponents();
        java.time.LocalDateTime local = java.time.LocalDateTime.of(raw.getYear(), raw.getMonth(), raw.getDate(),
                raw.getHour(), raw.getMinute(), raw.getSecond());
        if (raw.isUtc()) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        biweekly.io.TimezoneAssignment zone = calendar.getTimezoneInfo().getTimezone(property);
        assertThat(zone).as("TZID of %s", property).isNotNull();
        String tzid = zone.getComponent() != null ? zone.getComponent().getTimezoneId().getValue() : zone.getGlobalId();
        return local.atZone(java.time.ZoneId.of(tzid)).toInstant();
    }

    /** Unfolds the content lines (RFC 5545 3.1). */
    static List<String> contentLines(String ics) {
        return List.of(ics.replace("\r\n ", "").split("\r\n"));
    }

    /** The unfolded lines of the event with a UID, from BEGIN:VEVENT to END:VEVENT. */
    static List<String> eventLines(String ics, String uid) {
        List<String> lines = contentLines(ics);
        List<String> event = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                event.clear();
                in = true;
            }
            if (in) {
                event.add(line);
            }
            if (line.equals("END:VEVENT")) {
                in = false;
                if (event.contains("UID:" + uid)) {
                    return List.copyOf(event);
                }
            }
        }
        throw new AssertionError("no event " + uid);
    }
}
