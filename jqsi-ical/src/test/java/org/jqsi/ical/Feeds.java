package org.jqsi.ical;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Region;
import org.jqsi.core.sample.SampleProgram;

/** Small feeds written line by line for the import tests, imported into the 2021 edition (November 1 to 30). */
final class Feeds {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-10-30T12:00:00Z"), ZoneOffset.UTC);
    static final Edition JQSI_2021 = SampleProgram.editions().get(1);
    static final FeedTarget TARGET = FeedTarget.of(JQSI_2021, "cs3r", Region.MAURICIE);

    private Feeds() {
    }

    /** A calendar holding these lines (events, time zones, calendar properties), CRLF line ends. */
    static String calendar(String... lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jqsi//tests//FR\r\n" + String.join("\r\n", lines)
                + "\r\nEND:VCALENDAR\r\n";
    }

    /** One event with these lines, and a DTSTAMP. */
    static String event(String... lines) {
        return "BEGIN:VEVENT\r\nDTSTAMP:20211001T120000Z\r\n" + String.join("\r\n", lines) + "\r\nEND:VEVENT";
    }

    static ImportResult importText(String text) throws IOException {
        return importBytes(text.getBytes(StandardCharsets.UTF_8), List.of());
    }

    static ImportResult importText(String text, List<Activity> existing) throws IOException {
        return importBytes(text.getBytes(StandardCharsets.UTF_8), existing);
    }

    static ImportResult importBytes(byte[] bytes, List<Activity> existing) throws IOException {
        return new CalendarImporter(IcalSettings.defaults(), CLOCK).importFeed(new ByteArrayInputStream(bytes),
                TARGET, existing);
    }

    static List<Instant> starts(ImportResult result) {
        return result.activities().stream().map(a -> a.schedule().startsAt().orElseThrow().toInstant()).toList();
    }

    static Instant at(String utc) {
        return Instant.parse(utc);
    }
}
