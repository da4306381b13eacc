package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

class WebCalendarLinksTest {

    private static final WebCalendarLinks LINKS = new WebCalendarLinks(IcalSettings.defaults());
    private static final Program PROGRAM = TestPrograms.sample();

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void google_links_carry_local_times_and_the_zone() {
        URI link = LINKS.google(PROGRAM.activity(TestPrograms.MAGDALEN).orElseThrow(), Language.FR).orElseThrow();
        assertThat(link.toString()).startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&");
        assertThat(link.getRawQuery()).doesNotContain("+").doesNotContain(" ");
        assertThat(query(link)).containsEntry("text", "Concert des Îles")
                .containsEntry("dates", "20211113T200000/20211113T220000")
                .containsEntry("ctz", "America/Halifax")
                .containsEntry("details", "Musique acadienne et chants du monde.")
                .containsEntry("location", "Salle Au Vieux Couvent, Les Îles-de-la-Madeleine");
    }

    @Test
    void google_links_for_all_day_windows_use_dates_with_an_exclusive_end() {
        URI link = LINKS.google(PROGRAM.activity(SampleProgram.DHEEPAN).orElseThrow(), Language.EN).orElseThrow();
        assertThat(query(link)).containsEntry("dates", "20201113/20201116").doesNotContainKey("ctz")
                .containsEntry("text", "Dheepan").containsEntry("location", "Online");
    }

    @Test
    void outlook_links_carry_utc_times_or_all_day_dates() {
        URI link = LINKS.outlook(PROGRAM.activity(TestPrograms.AFTER_DST).orElseThrow(), Language.EN).orElseThrow();
        assertThat(link.toString()).startsWith("https://outlook.live.com/calendar/0/action/compose?");
        assertThat(query(link)).containsEntry("rru", "addevent").containsEntry("subject", "Solidarity quiz")
                .containsEntry("startdt", "2021-11-09T00:00:00Z").containsEntry("enddt", "2021-11-09T02:00:00Z")
                .containsEntry("allday", "false");
        URI allDay = LINKS.office365(PROGRAM.activity(SampleProgram.DHEEPAN).orElseThrow(), Language.FR)
                .orElseThrow();
        assertThat(allDay.toString()).startsWith("https://outlook.office.com/calendar/0/action/compose?");
        assertThat(query(allDay)).containsEntry("startdt", "2020-11-13").containsEntry("enddt", "2020-11-16")
                .containsEntry("allday", "true");
    }

    @Test
    void activities_to_be_announced_have_no_link() {
        assertThat(LINKS.google(PROGRAM.activity(SampleProgram.CECI_DISCUSSION_1).orElseThrow(), Language.FR))
                .isEmpty();
        assertThat(LINKS.outlook(PROGRAM.activity(SampleProgram.CECI_DISCUSSION_1).orElseThrow(), Language.FR))
                .isEmpty();
    }

    /** The times written digit by digit are those DateTimeFormatter writes, over years 0 to 9999 and beyond. */
    @Test
    void linkTimesAreWhatTheirPatternsGive() {
        DateTimeFormatter google = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        DateTimeFormatter outlook = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int year = i % 10 == 0 ? random.nextInt(20_000) : 1900 + random.nextInt(200);
            LocalDateTime time = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            assertThat(WebCalendarLinks.googleLocal(time)).isEqualTo(time.format(google));
            assertThat(WebCalendarLinks.outlookUtc(time)).isEqualTo(time.format(outlook));
        }
    }
}
